package io.opsflow.retro.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Reader;
import static io.opsflow.kernel.web.ReportPage.cell;
import io.opsflow.retro.ActionItem;
import io.opsflow.retro.ActionItemState;
import io.opsflow.retro.RetroFacts;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.facts.FactGathering;

/**
 * The published report: Markdown with the facts, the findings, the root causes and the action
 * items with their current state, in English or Chinese; the page a browser gets is rendered from it
 * (ReportPage).
 */
@Component
class RetrospectiveReport {

  String title(Retrospectives.Details details, Reader l) {
    return l.say("Retrospective ", "复盘 ") + details.retrospective().retroKey() + ": " + details.retrospective().serviceKey();
  }

  String markdown(Retrospectives.Details details, Reader l) {
    Retrospective retro = details.retrospective();
    RetroFacts facts = details.facts();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title(details, l)).append("\n\n");
    md.append("- ").append(l.say("Subject", "对象")).append(": ").append(retro.subjectKey() == null
            ? l.say("requested by hand", "手动发起") : l.name(retro.subjectType()) + " " + retro.subjectKey())
        .append("\n- ").append(l.say("Window", "观察窗口")).append(": ").append(l.time(retro.windowStart()))
        .append(l.say(" to ", " 至 "))
        .append(l.time(retro.windowEnd()))
        .append("\n- ").append(l.say("State", "状态")).append(": ").append(l.name(retro.state())).append("\n\n");

    md.append("## ").append(l.say("Facts", "事实")).append("\n\n### ").append(l.say("Changes", "变更")).append("\n\n");
    if (facts.changes().isEmpty()) {
      md.append(l.say("None.", "无。")).append("\n\n");
    } else {
      md.append(l.say("| Change | Version | Type | Risk | Route | Approvals | Deployed | Outcome | Incident |\n",
              "| 变更 | 版本 | 类型 | 风险 | 审批路径 | 审批 | 部署 | 结果 | 事件 |\n"))
          .append("|---|---|---|---|---|---|---|---|---|\n");
      facts.changes().forEach(change -> md.append("| ").append(change.changeKey()).append(" | ").append(cell(change.version()))
          .append(" | ").append(cell(l.name(change.changeType()))).append(" | ")
          .append(cell(l.name(change.risk()))).append(" | ").append(cell(l.name(change.approvalRoute())))
          .append(" | ").append(cell(String.join(", ", change.approvals()))).append(" | ")
          .append(change.deployedAt() == null ? "-" : l.time(change.deployedAt()) + " ("
              + cell(l.name(change.deploymentStatus())) + ")")
          .append(" | ").append(change.outcome() == null ? l.say("open", "未结束") : l.name(change.outcome())).append(" | ")
          .append(change.incidentKey() == null ? "-" : change.incidentKey()).append(" |\n"));
      md.append("\n");
    }
    md.append("### ").append(l.say("Incidents", "事件")).append("\n\n");
    if (facts.incidents().isEmpty()) {
      md.append(l.say("None.", "无。")).append("\n\n");
    } else {
      md.append(l.say("| Incident | Priority | Title | Opened | Time to acknowledge | Time to resolve | SLAs |\n",
              "| 事件 | 优先级 | 标题 | 发生时间 | 确认用时 | 解决用时 | SLA |\n"))
          .append("|---|---|---|---|---|---|---|\n");
      facts.incidents().forEach(incident -> md.append("| ").append(incident.incidentKey()).append(" | ")
          .append(incident.priority()).append(" | ").append(cell(incident.title())).append(" | ")
          .append(l.time(incident.openedAt())).append(" | ")
          .append(FactGathering.minutes(incident.secondsToAcknowledge(), l)).append(" | ")
          .append(FactGathering.minutes(incident.secondsToResolve(), l)).append(" | ")
          .append(FactGathering.sla(incident, l)).append(" |\n"));
      md.append("\n");
    }
    if (!facts.alertsByName().isEmpty()) {
      md.append("### ").append(l.say("Alerts", "告警")).append("\n\n");
      facts.alertsByName().forEach((name, count) -> md.append("- ").append(cell(name)).append(": ").append(count).append("\n"));
      md.append("\n");
    }
    if (!facts.emergencyPlans().isEmpty()) {
      md.append("### ").append(l.say("Emergency plans", "应急预案")).append("\n\n");
      facts.emergencyPlans().forEach(plan -> md.append("- ").append(plan.activationKey()).append(" ").append(plan.planKey())
          .append(": ").append(plan.outcome() == null ? l.say("running", "进行中") : l.name(plan.outcome())).append("\n"));
      md.append("\n");
    }

    feedback(md, facts, l);
    if (facts.usage() != null && !facts.usage().isEmpty()) {
      md.append("### ").append(l.say("Usage", "使用情况")).append("\n\n");
      facts.usage().forEach(feature -> md.append("- ").append(FactGathering.usage(List.of(feature), l)).append("\n"));
      md.append("\n");
    }

    md.append("## ").append(l.say("Preparation", "准备")).append("\n\n");
    section(md, l.say("Summary", "概要"), retro.summary());
    section(md, l.say("What went well", "做得好的"), retro.wentWell());
    section(md, l.say("What went wrong", "出问题的"), retro.wentWrong());
    md.append("## ").append(l.say("Findings", "发现")).append("\n\n");
    if (details.findings().isEmpty()) {
      md.append(l.say("None yet.", "暂无。")).append("\n\n");
    }
    details.findings().forEach(finding -> md.append("### ").append(finding.findingGroup()).append(" (")
        .append(finding.addedBy()).append(")\n\n").append(finding.nothingToAdd() ? l.say("Nothing to add.", "无补充。") : finding.finding())
        .append("\n\n"));
    md.append("## ").append(l.say("Root causes", "根因")).append("\n\n")
        .append(retro.rootCauses() == null ? l.say("Not reviewed yet.", "尚未评审。") : retro.rootCauses()).append("\n\n");
    md.append("## ").append(l.say("Action items", "改进项")).append("\n\n");
    if (details.actionItems().isEmpty()) {
      md.append(l.say("None.", "无。")).append("\n");
    } else {
      md.append(l.say("| Item | Title | Owner | Due | State |\n", "| 编号 | 标题 | 负责组 | 截止 | 状态 |\n"))
          .append("|---|---|---|---|---|\n");
      details.actionItems().forEach(item -> md.append("| ").append(item.itemKey()).append(" | ").append(cell(item.title()))
          .append(" | ").append(item.ownerGroup()).append(" | ").append(item.dueDate()).append(" | ").append(l.name(item.state()))
          .append(item.escalated() && item.state() != ActionItemState.VERIFIED ? l.say(" (overdue, escalated)", "（已逾期，已升级）") : "")
          .append(" |\n"));
    }
    return md.toString();
  }

  /** The release comparison of each change, then the window's feedback with a few items per channel. */
  private static void feedback(StringBuilder md, RetroFacts facts, Reader l) {
    List<RetroFacts.ChangeFact> compared = facts.changes().stream().filter(change -> change.feedback() != null).toList();
    if (!compared.isEmpty()) {
      md.append("### ").append(l.say("Release feedback", "发布反馈")).append("\n\n");
      compared.forEach(change -> md.append("- ").append(change.changeKey()).append(" ")
          .append(FactGathering.release(change.feedback(), l)).append("\n"));
      md.append("\n");
    }
    RetroFacts.FeedbackFact feedback = facts.feedback();
    if (feedback == null) {
      return;
    }
    md.append("### ").append(l.say("Feedback", "用户反馈")).append("\n\n").append(FactGathering.figures(feedback, l)).append(".\n\n");
    if (!feedback.topComplaints().isEmpty()) {
      md.append(l.say("Top complaints: ", "主要投诉：")).append(FactGathering.complaints(feedback)).append("\n\n");
    }
    feedback.samples().forEach((channel, items) -> {
      md.append("#### ").append(channel).append("\n\n");
      items.forEach(item -> md.append("- ").append(FactGathering.oneLine(item.text())).append(" _(")
          .append(FactGathering.sample(item, l)).append(")_\n"));
      md.append("\n");
    });
  }

  private static void section(StringBuilder md, String title, String text) {
    md.append("### ").append(title).append("\n\n").append(text == null ? "-" : text).append("\n\n");
  }
}
