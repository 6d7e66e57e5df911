package io.opsflow.change.steps;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.kernel.process.ProcessVariables;

/** Names and typed reads of the change-release process variables (forms and tools rely on them). */
public final class ChangeVariables {

  public static final String CHANGE_KEY = "changeKey";
  public static final String SERVICE = "service";
  public static final String SERVICE_TIER = "serviceTier";
  public static final String TITLE = "title";
  public static final String VERSION = "version";
  public static final String CHANGE_TYPE = "changeType";
  public static final String TESTS_FAILED = "testsFailed";
  public static final String HAS_DB_MIGRATION = "hasDbMigration";
  public static final String PLANNED_START = "plannedStart";
  public static final String REQUESTER = "requester";
  static final String RISK_RESULT = "riskResult";
  public static final String RISK = "risk";
  static final String APPROVAL_ROUTE = "approvalRoute";
  static final String VERIFICATION_MINUTES = "verificationMinutes";
  static final String FROZEN = "frozen";
  static final String REJECTION_REASON = "rejectionReason";
  static final String CONFLICTS = "conflicts";
  static final String SUMMARY = "summary";
  static final String APPROVER_GROUP = "approverGroup";
  static final String APPROVED = "approved";
  static final String COMMENT = "comment";
  public static final String CHANGE_REJECTED = "changeRejected";
  static final String DEPLOY_HOOK_CONFIGURED = "deployHookConfigured";
  static final String DEPLOY_DEADLINE = "deployDeadline";
  public static final String DEPLOYMENT_STATUS = "deploymentStatus";
  public static final String DEPLOYMENT_URL = "deploymentUrl";
  static final String INVESTIGATION = "investigation";
  static final String INVESTIGATION_NOTE = "investigationNote";
  static final String VERIFICATION_ENDS_AT = "verificationEndsAt";
  static final String ALERT_INCIDENT = "alertIncident";
  static final String ROLL_BACK = "rollBack";
  static final String DECISION_NOTE = "decisionNote";
  static final String ROLLBACK_NOTE = "rollbackNote";
  /** When the roll-back is due: the resolve SLA of the incident that led to it (null without one). */
  public static final String ROLL_BACK_DUE_AT = "rollBackDueAt";
  static final String CONFIRMED_IN_PRODUCTION = "confirmedInProduction";
  static final String CONFIRMATION_NOTE = "confirmationNote";
  static final String OUTCOME = "outcome";

  private ChangeVariables() {
  }

  static String changeKey(VariableScope scope) {
    return ProcessVariables.lenientText(scope, CHANGE_KEY);
  }
}
