package io.opsflow.lifecycle.retirement;

/** The variables of service-retirement, as its model, forms and steps name them. */
final class RetirementVariables {

  static final String RETIREMENT_KEY = "retirementKey";
  static final String SERVICE = "service";
  static final String DEV_GROUP = "devGroup";
  static final String SHUTDOWN_DATE = "shutdownDate";
  static final String SHUTDOWN_AT = "shutdownAt";
  static final String NOTICE_DAYS = "noticeDays";
  static final String DEPENDENT_COUNT = "dependentCount";
  static final String DEPENDENTS = "dependents";
  static final String NOTICE_TEXT = "noticeText";
  static final String DATA_LOCATION = "dataLocation";
  static final String MIGRATION_VERIFIED = "migrationVerified";
  static final String SHUTDOWN_CHANGE_KEY = "shutdownChangeKey";
  static final String SHUTDOWN_SUCCEEDED = "shutdownSucceeded";
  static final String SHUTDOWN_DECISION = "shutdownDecision";
  static final String RIGHTS = "refundsHandled,balancesHandled,subscriptionsHandled";

  private RetirementVariables() {
  }
}
