package io.opsflow.change;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.platform.ProcessVariables;

/** Names and typed reads of the change-release process variables (forms and tools rely on them). */
final class ChangeVariables {

  static final String CHANGE_KEY = "changeKey";
  static final String SERVICE = "service";
  static final String SERVICE_TIER = "serviceTier";
  static final String TITLE = "title";
  static final String VERSION = "version";
  static final String CHANGE_TYPE = "changeType";
  static final String TESTS_FAILED = "testsFailed";
  static final String HAS_DB_MIGRATION = "hasDbMigration";
  static final String PLANNED_START = "plannedStart";
  static final String REQUESTER = "requester";
  static final String RISK_RESULT = "riskResult";
  static final String RISK = "risk";
  static final String APPROVAL_ROUTE = "approvalRoute";
  static final String VERIFICATION_MINUTES = "verificationMinutes";
  static final String FROZEN = "frozen";
  static final String REJECTION_REASON = "rejectionReason";
  static final String CONFLICTS = "conflicts";
  static final String SUMMARY = "summary";
  static final String APPROVER_GROUP = "approverGroup";
  static final String APPROVED = "approved";
  static final String COMMENT = "comment";
  static final String CHANGE_REJECTED = "changeRejected";
  static final String DEPLOY_HOOK_CONFIGURED = "deployHookConfigured";
  static final String DEPLOY_DEADLINE = "deployDeadline";
  static final String DEPLOYMENT_STATUS = "deploymentStatus";
  static final String DEPLOYMENT_URL = "deploymentUrl";
  static final String INVESTIGATION = "investigation";
  static final String INVESTIGATION_NOTE = "investigationNote";
  static final String VERIFICATION_ENDS_AT = "verificationEndsAt";
  static final String ALERT_INCIDENT = "alertIncident";
  static final String ROLL_BACK = "rollBack";
  static final String DECISION_NOTE = "decisionNote";
  static final String ROLLBACK_NOTE = "rollbackNote";
  static final String CONFIRMED_IN_PRODUCTION = "confirmedInProduction";
  static final String CONFIRMATION_NOTE = "confirmationNote";
  static final String OUTCOME = "outcome";

  private ChangeVariables() {
  }

  static String string(VariableScope scope, String name) {
    return ProcessVariables.text(scope, name);
  }

  static String changeKey(VariableScope scope) {
    return string(scope, CHANGE_KEY);
  }
}
