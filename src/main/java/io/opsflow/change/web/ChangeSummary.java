package io.opsflow.change.web;

import static io.opsflow.kernel.web.ReportPage.cell;
import static io.opsflow.kernel.web.ReportPage.table;

import java.util.Arrays;

import io.opsflow.change.Change;
import io.opsflow.change.ChangeDetails;
import io.opsflow.kernel.text.Reader;

/** A change as people read it: what is released, its risk and approvals, its gate, deployment and timeline. */
final class ChangeSummary {

  private ChangeSummary() {
  }

  static String title(ChangeDetails details, Reader l) {
    Change change = details.change();
    return l.say("Change ", "变更 ") + change.changeKey() + ": " + change.title();
  }

  static String markdown(ChangeDetails details, Reader l) {
    Change change = details.change();
    StringBuilder md = new StringBuilder("# ").append(title(details, l)).append("\n\n");
    md.append(l.say("| Fact | Value |\n", "| 项目 | 内容 |\n")).append("|---|---|\n");
    row(md, l.say("Service", "服务"), change.serviceKey());
    row(md, l.say("Version", "版本"), change.version());
    row(md, l.say("Type", "类型"), l.name(change.changeType()));
    row(md, l.say("Risk", "风险"), l.name(change.risk()));
    row(md, l.say("Approval route", "审批路径"), l.name(change.approvalRoute()));
    row(md, l.say("State", "状态"), l.name(change.state()));
    row(md, l.say("Gate", "发布闸门"), l.name(change.gateStatus())
        + (change.gateReason() == null ? "" : " (" + change.gateReason() + ")"));
    row(md, l.say("Requested", "申请"), l.time(change.createdAt()) + l.say(" by ", "，申请人 ") + change.requestedBy());
    row(md, l.say("Planned start", "计划开始"), l.time(change.plannedStart()));
    row(md, l.say("Tests", "测试"), change.testsFailed() ? l.say("failed", "失败") : l.say("passed", "通过"));
    row(md, l.say("Database migration", "数据库迁移"), change.hasDbMigration() ? l.say("yes", "是") : l.say("no", "否"));
    row(md, l.say("Commit", "提交"), change.commitSha());
    row(md, l.say("Deployed", "部署"), change.deployedAt() == null ? null
        : l.time(change.deployedAt()) + " (" + l.name(change.deploymentStatus()) + ")");
    row(md, l.say("Outcome", "结果"), l.name(change.outcome()));
    row(md, l.say("Incident", "事件"), change.incidentKey());
    row(md, l.say("Fixes incident", "修复事件"), change.fixesIncident());
    row(md, l.say("Closed", "关闭"), l.time(change.closedAt()));
    md.append('\n');

    md.append("## ").append(l.say("Approvals", "审批")).append("\n\n");
    if (details.approvals().isEmpty()) {
      md.append(l.say("None.", "无。")).append("\n\n");
    } else {
      md.append(table(l.say("Group | Decision | By | At | Comment", "审批组 | 决定 | 审批人 | 时间 | 意见"), details.approvals(),
          approval -> Arrays.asList(approval.approvalGroup(), approval.decidedAt() == null ? l.say("pending", "待定")
              : approval.approved() ? l.say("approved", "批准") : l.say("rejected", "拒绝"),
              approval.decidedBy(), l.time(approval.decidedAt()), approval.commentText())));
    }
    md.append("## ").append(l.say("Timeline", "时间线")).append("\n\n")
        .append(table(l.say("Time | Kind | Who | What", "时间 | 类型 | 人员 | 内容"), details.timeline(),
            event -> Arrays.asList(l.time(event.occurredAt()), event.kind(), event.actor(), event.message())));
    return md.toString();
  }

  private static void row(StringBuilder md, String label, String value) {
    md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n");
  }
}
