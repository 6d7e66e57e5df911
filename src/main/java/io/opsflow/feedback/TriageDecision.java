package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/** What the person triaging a group of feedback decides (the form's {@code decision}). */
public enum TriageDecision implements Coded {
  /** Into the backlog, with a link to the backlog item. */
  ACCEPT("accept", TriageState.ACCEPTED),
  /** Answer the users: the reply is stored on every item. */
  ANSWER("answer", TriageState.ANSWERED),
  /** Nothing to do, with a reason. */
  DISMISS("dismiss", TriageState.DISMISSED);

  private final String code;
  private final TriageState state;

  TriageDecision(String code, TriageState state) {
    this.code = code;
    this.state = state;
  }

  @Override
  public String code() {
    return code;
  }

  /** The state a triage decided so is in. */
  public TriageState state() {
    return state;
  }
}
