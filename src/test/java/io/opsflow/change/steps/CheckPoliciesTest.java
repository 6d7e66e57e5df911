package io.opsflow.change.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.Change;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.ChangeState;
import io.opsflow.change.ChangeType;
import io.opsflow.change.GateStatus;
import io.opsflow.change.TextOnlyChanges;
import io.opsflow.kernel.text.Installation;

/** The facts an approver reads in "Approve change", in the installation's language. */
class CheckPoliciesTest {

  private static final Instant PLANNED = Instant.parse("2026-10-01T02:30:00Z");

  @Test
  void theApproversSummaryReadsInChinese() {
    assertThat(policies("zh-CN").summary(change(PLANNED, true))).isEqualTo("""
        CHG-2026-0042: 支付超时修复 🚀
        紧急变更：payments-api 部署版本 2.4.1（3f9c2ab）
        申请人 alice，经由 ci-github
        风险高，审批路径：加急，测试未通过，含数据库迁移
        计划开始：2026-10-01 10:30 UTC+08:00
        流水线：https://ci.example.com/run/7""");
    assertThat(policies("zh-CN").summary(change(null, false)))
        .contains("风险高，审批路径：加急\n计划开始：批准后立即");
  }

  @Test
  void theApproversSummaryReadsInEnglish() {
    assertThat(policies("en").summary(change(PLANNED, true))).isEqualTo("""
        CHG-2026-0042: 支付超时修复 🚀
        emergency change of payments-api to 2.4.1 (3f9c2ab)
        Requested by alice via ci-github
        Risk high, route expedited, TESTS FAILED, with a database migration
        Planned start: 2026-10-01 10:30 UTC+08:00
        Pipeline: https://ci.example.com/run/7""");
  }

  private static CheckPolicies policies(String language) {
    return new CheckPolicies(TextOnlyChanges.in(language), new Installation(language, "Asia/Shanghai"));
  }

  private static Change change(Instant plannedStart, boolean risky) {
    return new Change("CHG-2026-0042", "payments-api", "2.4.1", "支付超时修复 🚀", ChangeType.EMERGENCY, risky, risky,
        plannedStart, "3f9c2ab", "https://ci.example.com/run/7", "alice", "ci-github", null, null, ChangeRisk.HIGH,
        ApprovalRoute.EXPEDITED, 30, null, ChangeState.AWAITING_APPROVAL, GateStatus.PENDING, null, null, null, null, null,
        null, null, false, Instant.parse("2026-09-30T01:00:00Z"), null, null, null);
  }
}
