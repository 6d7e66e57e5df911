package io.opsflow.security;

import java.util.List;

/** The Camunda groups OpsFlow routes work to. They exist in every profile. */
public final class Groups {

  public static final String OPS = "ops";
  public static final String DEV = "dev";
  public static final String QA = "qa";
  public static final String MANAGER = "manager";
  /** Security team: works on security incidents and reads them like ops and managers. */
  public static final String SECURITY = "security";
  public static final String ADMIN = "camunda-admin";
  /** Service accounts of CI pipelines. */
  public static final String CI = "ci";
  /** Service accounts of monitoring (Alertmanager, Grafana). */
  public static final String MONITORING = "monitoring";
  /** Service accounts that send users' feedback (the support desk, an app backend, an app-store export job). */
  public static final String FEEDBACK = "feedback";
  /** Service accounts of analytics jobs that send daily usage facts (用户行为分析). */
  public static final String ANALYTICS = "analytics";

  /** Groups of people who work in Tasklist. */
  public static final List<String> STAFF = List.of(OPS, DEV, QA, MANAGER, SECURITY);
  public static final List<String> SERVICE_ACCOUNT_GROUPS = List.of(CI, MONITORING, FEEDBACK, ANALYTICS);

  private Groups() {
  }
}
