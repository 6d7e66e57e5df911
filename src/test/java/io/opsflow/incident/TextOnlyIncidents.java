package io.opsflow.incident;

import io.opsflow.kernel.text.Installation;

/** Incidents that only write texts — no database, no engine — for tests of what incident-response says. */
public final class TextOnlyIncidents {

  private TextOnlyIncidents() {
  }

  /** On an installation that speaks {@code language}, on Shanghai's clock. */
  public static Incidents in(String language) {
    return new Incidents(null, null, null, null, null, null, null, new Installation(language, "Asia/Shanghai"));
  }
}
