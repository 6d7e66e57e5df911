package io.opsflow.notify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.domain.Codes;

/** What a notice is about: the events notification rules can name, each with its code in the API. */
public enum NoticeEvent implements Coded {
  INCIDENT_OPENED("incident.opened"),
  INCIDENT_SLA_BREACHED("incident.sla-breached"),
  INCIDENT_ESCALATED("incident.escalated"),
  INCIDENT_CLOSED("incident.closed"),
  CHANGE_APPROVAL_REQUESTED("change.approval-requested"),
  CHANGE_GATE_REJECTED("change.gate-rejected"),
  CHANGE_DEPLOYMENT_FAILED("change.deployment-failed"),
  DRILL_DUE("drill.due"),
  /** A retrospective action item is due tomorrow: its owner group is reminded. */
  ACTION_ITEM_DUE("action-item.due"),
  ACTION_ITEM_OVERDUE("action-item.overdue"),
  PLAN_ACTIVATED("plan.activated"),
  FEEDBACK_SPIKE("feedback.spike"),
  /** A feedback triage passed its due date undecided: managers decide it now. */
  FEEDBACK_TRIAGE_OVERDUE("feedback.triage-overdue"),
  RETROSPECTIVE_PUBLISHED("retrospective.published"),
  /** A service is being retired: ops published the notice to its users (the text, the shutdown day). */
  SERVICE_RETIREMENT_NOTICE("service.retirement-notice"),
  /** A launch's daily report during hypercare (首发期): the managers read it. */
  LAUNCH_REPORT("launch.report"),
  /** A channel's test message ({@code POST /api/notification-channels/{id}/test}); no rule names it. */
  TEST("test");

  private final String code;

  NoticeEvent(String code) {
    this.code = code;
  }

  /** The name in the API, the rules and the outbox ({@code incident.opened}). */
  @Override
  public String code() {
    return code;
  }

  public static Optional<NoticeEvent> fromCode(String code) {
    return Codes.find(NoticeEvent.class, code);
  }

  /** The codes a rule may name, for error messages. */
  public static String ruleCodes() {
    return Arrays.stream(values()).filter(event -> event != TEST).map(NoticeEvent::code)
        .collect(Collectors.joining(", "));
  }
}
