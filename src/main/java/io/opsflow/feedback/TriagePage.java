package io.opsflow.feedback;

import java.util.List;

/** One page of feedback triages, newest first. {@code page} counts from 0. */
public record TriagePage(List<Triage> items, int page, int size, long total) {
}
