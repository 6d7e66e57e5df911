package io.opsflow.lifecycle.launch;

import java.time.Instant;

/** @param loadTestUrl QA's load-test result; null for ops and dev */
public record SignOff(String group, String signedBy, String notes, String loadTestUrl, Instant signedAt) {
}
