package io.opsflow.lifecycle.launch;

import io.opsflow.kernel.domain.Coded;

/** Where a launch is: the first three run (one per service at a time), the last three are how it ended. */
public enum LaunchState implements Coded {
  /** Readiness checked; ops, dev and QA sign off, then a manager decides go or no-go. */
  PREPARING("preparing"),
  /** Go: the launch change runs through change-release. */
  CHANGING("changing"),
  /** The launch change succeeded: the service is launching and the manager gets a daily report. */
  HYPERCARE("hypercare"),
  LIVE("live"),
  NO_GO("no-go"),
  FAILED("failed");

  private final String code;

  LaunchState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public boolean running() {
    return this == PREPARING || this == CHANGING || this == HYPERCARE;
  }
}
