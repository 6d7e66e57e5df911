package io.opsflow.incident.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a batch of observations did: incidents opened, incidents updated, alerts ignored and why. */
public record IntakeResult(Set<String> opened, Set<String> updated, List<Ignored> ignored) {

  public record Ignored(String fingerprint, String reason) {
  }

  static IntakeResult empty() {
    return new IntakeResult(new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>());
  }
}
