package io.opsflow.incident.intake;

import java.util.ArrayList;
import java.util.List;

import io.opsflow.kernel.text.Texts;

/**
 * An alert is never refused for a long field, since Alertmanager does not retry a refusal: what
 * does not fit its column is cut to fit, and each cut is recorded here for a note on the incident.
 */
final class AlertClipping {

  private final List<String> notes = new ArrayList<>();

  /** The value cut to {@code max} characters; a cut is noted under {@code field}. */
  String fit(String field, String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    notes.add(field + " cut from " + value.length() + " to " + max + " characters");
    return Texts.clip(value, max);
  }

  void note(String note) {
    notes.add(note);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
