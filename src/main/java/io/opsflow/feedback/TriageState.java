package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/** Where a feedback triage stands: open until its dev group (or, overdue, a manager) decides. */
public enum TriageState implements Coded {
  OPEN("open"),
  /** Taken into the backlog: the triage holds the link to the backlog item. */
  ACCEPTED("accepted"),
  /** Its users were answered: the reply is on every item of the triage. */
  ANSWERED("answered"),
  DISMISSED("dismissed");

  private final String code;

  TriageState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
