package io.opsflow.emergency.steps;

/**
 * The contract every emergency plan shares: inputs {@code incidentKey} (empty in a drill),
 * {@code service} and {@code drill}; output {@code outcome} (restored, mitigated or aborted).
 * The other names are what OpsFlow's plan steps and forms use.
 */
public final class PlanVariables {

  public static final String INCIDENT_KEY = "incidentKey";
  public static final String SERVICE = "service";
  public static final String DRILL = "drill";
  static final String OUTCOME = "outcome";
  public static final String ACTIVATED_BY = "activatedBy";
  public static final String ACTIVATION_KEY = "activationKey";
  public static final String PLAN_FACTS = "planFacts";
  public static final String PLAN_KEY = "planKey";
  /** The incident's priority (P1…P4), shown on the plan's task cards; none without an incident. */
  public static final String PRIORITY = "priority";
  /** When the incident must be resolved: the due date of the plan's tasks (none without an incident). */
  static final String RESOLVE_DUE_AT = "resolveDueAt";
  /** {@value #DRILL_MARK_TEXT} in a drill, shown on the task cards and the forms; none in a real activation. */
  public static final String DRILL_MARK = "drillMark";
  public static final String DRILL_MARK_TEXT = "DRILL";
  static final String PROCEED = "proceed";
  static final String BRIEFING = "briefing";
  static final String STEP_NOTE = "stepNote";
  /** What the step asks (its documentation in the model), on its form; local to the task. */
  static final String STEP_INSTRUCTIONS = "stepInstructions";
  static final String NOTICE = "notice";
  static final String SUMMARY = "standDownSummary";
  static final String ACTION = "action";
  static final String DRILL_AT = "drillAt";
  /** What an automated action's last attempt met (the boundary error event stores it for "Do it by hand"). */
  static final String ACTION_FAILURE = "actionFailure";
  public static final String ABORTED_BY = "abortedBy";
  public static final String ABORT_REASON = "abortReason";

  private PlanVariables() {
  }
}
