package io.opsflow.incident.steps;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * Names and typed reads of the incident-response process variables. Forms, Tasklist filters and
 * other tools rely on these names: change them only with all of those.
 */
public final class IncidentVariables {

  public static final String INCIDENT_KEY = "incidentKey";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String SERVICE = "service";
  public static final String SERVICE_KEY = "serviceKey";
  /** The service's lifecycle state when the incident was registered (null for a service not in the catalog): input of incident-priority. */
  public static final String SERVICE_LIFECYCLE = "serviceLifecycle";
  public static final String CATEGORY = "category";
  public static final String ON_CALL_GROUP = "onCallGroup";
  public static final String IMPACT = "impact";
  public static final String URGENCY = "urgency";
  public static final String REPORTER = "reporter";
  public static final String PRIORITY = "priority";
  /** How late the work is, as the task cards say it (see {@code SlaLateness}); none when on time. */
  public static final String SLA_STATE = "slaState";
  static final String PRIORITY_RESULT = "priorityResult";
  static final String FACTS = "facts";
  static final String ACK_DUE_AT = "ackDueAt";
  static final String ACK_ESCALATE_AT = "ackEscalateAt";
  /** When the escalation's level 2 is paged: the policy's delay, else the acknowledge SLA deadline. */
  static final String ACK_NEXT_LEVEL_AT = "ackNextLevelAt";
  /** Who is on call for the incident now, as the triage form shows it (names; the group when nobody is scheduled). */
  public static final String ON_CALL_PERSON = "onCallPerson";
  /** The user ids paged at level 1, comma-separated (mentioned by {@code incident.opened}). */
  static final String ON_CALL_USERS = "onCallUsers";
  /** Someone claimed the triage task: the escalation stops. */
  static final String ACKNOWLEDGED = "acknowledged";
  static final String RESOLVE_DUE_AT = "resolveDueAt";
  static final String RESOLVE_ESCALATE_AT = "resolveEscalateAt";
  public static final String PRIORITY_OVERRIDE = "priorityOverride";
  static final String OVERRIDE_REASON = "overrideReason";
  public static final String MAJOR = "major";
  public static final String DECLARED_MAJOR = "declaredMajor";
  static final String DIAGNOSIS_GROUP = "diagnosisGroup";
  public static final String RESOLVE_ESCALATED = "resolveEscalated";
  static final String RESOLUTION_SUMMARY = "resolutionSummary";
  static final String VERIFIED = "verified";
  static final String VERIFICATION_NOTE = "verificationNote";
  public static final String ALERTS_SUMMARY = "alertsSummary";
  static final String CLOSURE_CONFIRMED = "closureConfirmed";
  static final String CLOSURE_NOTE = "closureNote";
  static final String PLAN_OUTCOME = "planOutcome";

  private IncidentVariables() {
  }

  /**
   * Who is on call for the incident: the service's on-call group, or ops and security for a
   * restricted incident (as the triage and closure tasks' candidate groups in the model say).
   */
  static List<String> onCall(VariableScope scope) {
    return ProcessVariables.strictFlag(scope, Visibility.VARIABLE) ? List.of(Groups.OPS, Groups.SECURITY)
        : List.of(ProcessVariables.strictText(scope, ON_CALL_GROUP));
  }

  static String incidentKey(VariableScope scope) {
    return ProcessVariables.strictText(scope, INCIDENT_KEY);
  }
}
