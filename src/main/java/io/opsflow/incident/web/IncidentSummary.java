package io.opsflow.incident.web;

import static io.opsflow.kernel.web.ReportPage.cell;
import static io.opsflow.kernel.web.ReportPage.table;

import java.util.Arrays;
import java.util.Map;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentDetails;
import io.opsflow.kernel.text.Reader;

/** An incident as people read it: the facts, the SLAs, the alerts and the timeline. */
final class IncidentSummary {

  private IncidentSummary() {
  }

  static String title(IncidentDetails details, Reader l) {
    Incident incident = details.incident();
    return l.say("Incident ", "事件 ") + incident.incidentKey() + " (" + incident.priority().code() + "): " + incident.title();
  }

  static String markdown(IncidentDetails details, Reader l) {
    Incident incident = details.incident();
    StringBuilder md = new StringBuilder("# ").append(title(details, l)).append("\n\n");
    line(md, l.say("Service", "服务"), incident.serviceLabel(l));
    line(md, l.say("State", "状态"), l.name(incident.state()) + (incident.major() ? l.say(" (major)", "（重大）") : ""));
    line(md, l.say("Impact / urgency", "影响 / 紧急程度"), l.name(incident.impact()) + " / " + l.name(incident.urgency()));
    line(md, l.say("Category", "类别"), l.name(incident.category()));
    line(md, l.say("On call", "值班组"), incident.onCallGroup());
    line(md, l.say("Reported", "报告"), l.time(incident.openedAt()) + l.say(" by ", "，报告人 ") + incident.reportedBy()
        + " (" + l.name(incident.source()) + ")");
    line(md, l.say("Acknowledged", "确认"), incident.acknowledgedAt() == null ? null
        : l.time(incident.acknowledgedAt()) + l.say(" by ", "，确认人 ") + incident.acknowledgedBy());
    line(md, l.say("Resolved", "解决"), incident.resolvedAt() == null ? null
        : l.time(incident.resolvedAt()) + l.say(" by ", "，解决人 ") + incident.resolvedBy());
    line(md, l.say("Closed", "关闭"), l.time(incident.closedAt()));
    md.append('\n');

    md.append("## ").append(l.say("SLAs", "SLA")).append("\n\n")
        .append(l.say("| SLA | Due | Breached |\n", "| SLA | 截止 | 是否超时 |\n")).append("|---|---|---|\n")
        .append("| ").append(l.say("Acknowledge", "确认")).append(" | ").append(l.time(incident.ackDueAt())).append(" | ")
        .append(yesNo(incident.ackSlaBreached(), l)).append(" |\n")
        .append("| ").append(l.say("Resolve", "解决")).append(" | ").append(l.time(incident.resolveDueAt())).append(" | ")
        .append(yesNo(incident.resolveSlaBreached(), l)).append(" |\n\n");

    md.append("## ").append(l.say("Description", "描述")).append("\n\n").append(cell(incident.description())).append("\n\n");
    if (incident.resolutionSummary() != null) {
      md.append("## ").append(l.say("Resolution", "解决方案")).append("\n\n").append(incident.resolutionSummary()).append("\n\n");
    }
    if (!details.alerts().isEmpty()) {
      md.append("## ").append(l.say("Alerts", "告警")).append("\n\n")
          .append(table(l.say("Alert | Severity | Summary | Status", "告警 | 级别 | 摘要 | 状态"), details.alerts(),
              alert -> Arrays.asList(alert.alertName(), alert.severity(), alert.summary(),
                  l.name(alert.status()))));
    }
    md.append("## ").append(l.say("Timeline", "时间线")).append("\n\n")
        .append(table(l.say("Time | Kind | Who | What", "时间 | 类型 | 人员 | 内容"), details.timeline(),
            entry -> Arrays.asList(l.time(entry.occurredAt()), l.say(entry.kind(), KINDS.getOrDefault(entry.kind(),
                entry.kind())), l.chinese() && "opsflow".equals(entry.actor()) ? "OpsFlow" : entry.actor(), entry.message())));
    return md.toString();
  }

  /** The timeline's kinds of entry as a Chinese reader knows them. */
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("opened", "创建"), Map.entry("restriction", "访问限制"), Map.entry("priority", "优先级"),
      Map.entry("notified", "呼叫值班"), Map.entry("claimed", "认领"), Map.entry("acknowledged", "确认"),
      Map.entry("major", "重大事件"), Map.entry("mitigated", "止损"), Map.entry("reopened", "重新诊断"),
      Map.entry("verified", "已验证"), Map.entry("closure-confirmed", "确认关闭"), Map.entry("closure-declined", "拒绝关闭"),
      Map.entry("closed", "关闭"), Map.entry("sla-breached", "SLA 超时"), Map.entry("escalated", "升级"),
      Map.entry("retrospective-due", "需要复盘"), Map.entry("alert", "告警"), Map.entry("alert-clipped", "告警截断"),
      Map.entry("alert-fired-again", "告警再次触发"), Map.entry("alert-resolved", "告警恢复"),
      Map.entry("alerts-resolved", "告警全部恢复"), Map.entry("emergency-plan", "应急预案"), Map.entry("feedback", "用户反馈"),
      Map.entry("change", "变更"), Map.entry("retrospective-requested", "申请复盘"));

  private static void line(StringBuilder md, String label, String value) {
    if (value != null && !"-".equals(value)) {
      md.append("- ").append(label).append(": ").append(value).append('\n');
    }
  }

  private static String yesNo(boolean value, Reader l) {
    return value ? l.say("yes", "是") : l.say("no", "否");
  }
}
