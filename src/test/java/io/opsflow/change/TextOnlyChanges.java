package io.opsflow.change;

import io.opsflow.kernel.text.Installation;

/** Changes that only write texts — no database, no engine — for tests of what change-release says. */
public final class TextOnlyChanges {

  private TextOnlyChanges() {
  }

  /** On an installation that speaks {@code language}, on Shanghai's clock. */
  public static Changes in(String language) {
    return new Changes(null, null, null, null, null, null, null, null, null, null, null,
        new Installation(language, "Asia/Shanghai"));
  }
}
