package io.opsflow.emergency.web;

import static io.opsflow.kernel.web.ReportPage.cell;
import static io.opsflow.kernel.web.ReportPage.table;

import java.util.Arrays;

import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.emergency.PlanActivation;
import io.opsflow.kernel.text.Reader;

/** The report of a plan activation as people read it: what ran, the steps and who did them, the log. */
final class ActivationReport {

  private ActivationReport() {
  }

  static String title(EmergencyPlans.Report report, Reader l) {
    PlanActivation activation = report.activation();
    return (activation.drill() ? l.say("Drill ", "演练 ") : l.say("Emergency activation ", "应急启动 "))
        + activation.activationKey() + ": " + report.planName();
  }

  static String markdown(EmergencyPlans.Report report, Reader l) {
    PlanActivation activation = report.activation();
    StringBuilder md = new StringBuilder("# ").append(title(report, l)).append("\n\n");
    md.append("- ").append(l.say("Service", "服务")).append(": ").append(activation.serviceKey()).append('\n')
        .append("- ").append(l.say("Incident", "事件")).append(": ").append(cell(activation.incidentKey())).append('\n')
        .append("- ").append(l.say("Started", "开始")).append(": ").append(l.time(activation.startedAt()))
        .append(l.say(" by ", "，发起人 ")).append(activation.startedBy()).append('\n')
        .append("- ").append(l.say("Commander", "指挥")).append(": ").append(cell(activation.commander())).append('\n')
        .append("- ").append(l.say("Ended", "结束")).append(": ").append(l.time(activation.endedAt())).append('\n')
        .append("- ").append(l.say("Outcome", "结果")).append(": ")
        .append(activation.outcome() == null ? l.say("running", "进行中") : l.name(activation.outcome())).append('\n')
        .append("- ").append(l.say("Duration", "持续时间")).append(": ").append(minutes(report.durationSeconds(), l))
        .append("\n\n");
    if (activation.summary() != null) {
      md.append("## ").append(l.say("Summary", "总结")).append("\n\n").append(activation.summary()).append("\n\n");
    }
    md.append("## ").append(l.say("Steps", "步骤")).append("\n\n");
    if (report.steps().isEmpty()) {
      md.append(l.say("None yet.", "暂无。")).append("\n\n");
    } else {
      md.append(table(l.say("Step | Role | Who | Started | Ended | Duration", "步骤 | 角色 | 执行人 | 开始 | 结束 | 用时"),
          report.steps(), step -> Arrays.asList(step.step() + (step.cancelled() ? l.say(" (cancelled)", "（已取消）") : ""),
              step.role(), step.who(), l.time(step.startedAt()), l.time(step.endedAt()), minutes(step.durationSeconds(), l))));
    }
    md.append("## ").append(l.say("Log", "记录")).append("\n\n");
    if (report.log().isEmpty()) {
      md.append(l.say("None.", "无。")).append('\n');
    } else {
      md.append(table(l.say("Time | Step | Kind | Who | Message", "时间 | 步骤 | 类型 | 人员 | 内容"), report.log(),
          entry -> Arrays.asList(l.time(entry.occurredAt()), entry.step(), l.name(entry.kind()), entry.actor(),
              entry.message())));
    }
    return md.toString();
  }

  private static String minutes(Long seconds, Reader l) {
    return seconds == null ? "-" : (seconds + 59) / 60 + l.say(" min", " 分钟");
  }
}
