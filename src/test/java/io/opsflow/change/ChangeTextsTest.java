package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What change-release writes on its timeline, in the installation's language. */
class ChangeTextsTest {

  private static final Instant OCT_1 = Instant.parse("2026-10-01T00:00:00Z");
  private final Changes chinese = TextOnlyChanges.in("zh-CN");
  private final Changes english = TextOnlyChanges.in("en");

  @Test
  void aRequestNamesTypeServiceVersionWhoItIsForAndThePlannedStart() {
    Object[] request = {"type", ChangeType.EMERGENCY, "service", "payments-api", "version", "2.4.1", "requestedFor",
        "alice", "plannedStart", OCT_1};

    assertThat(chinese.say("timeline.requested", request))
        .isEqualTo("申请紧急变更：payments-api 部署版本 2.4.1（代 alice 申请），计划于 2026-10-01 08:00 UTC+08:00 开始");
    assertThat(english.say("timeline.requested", request))
        .isEqualTo("Requested emergency change of payments-api to 2.4.1 for alice, planned for 2026-10-01 08:00 UTC+08:00");
    assertThat(chinese.say("timeline.requested", "type", ChangeType.NORMAL, "service", "web-portal", "version", "3.0",
        "requestedFor", null, "plannedStart", null)).isEqualTo("申请普通变更：web-portal 部署版本 3.0");
  }

  @Test
  void riskGateDeploymentAndOutcomeReadInChinese() {
    assertThat(chinese.say("timeline.risk", "risk", ChangeRisk.HIGH, "route", ApprovalRoute.CAB, "minutes", 60))
        .isEqualTo("风险高，审批路径：变更委员会（CAB），验证窗口 60 分钟");
    assertThat(english.say("timeline.risk", "risk", ChangeRisk.HIGH, "route", ApprovalRoute.CAB, "minutes", 60))
        .isEqualTo("Risk high, approval route cab, verification window 60 min");
    assertThat(chinese.say("timeline.gate-approved")).isEqualTo("发布闸门已放行：流水线可以部署");
    assertThat(chinese.say("timeline.deployment", "status", DeploymentStatus.FAILED, "url", null)).isEqualTo("部署失败");
    assertThat(english.say("timeline.deployment", "status", DeploymentStatus.FAILED, "url", "https://ci/run/7"))
        .isEqualTo("Deployment failed: https://ci/run/7");
    assertThat(chinese.say("timeline.closed", "outcome", ChangeOutcome.ROLLED_BACK)).isEqualTo("已关闭：已回滚");
    assertThat(chinese.say("timeline.rejected", "group", "qa", "comment", "回归测试未通过 ❌"))
        .isEqualTo("已驳回（qa）：回归测试未通过 ❌");
  }

  @Test
  void aFreezeWindowIsDescribedOnTheInstallationsClockInItsLanguage() {
    FreezeWindow holiday = new FreezeWindow("w1", OCT_1, OCT_1.plusSeconds(7 * 86_400), "", "国庆封网", "manager", OCT_1);
    FreezeWindow two = new FreezeWindow("w2", OCT_1, OCT_1.plusSeconds(3600), "payments-api,web-portal", "DB upgrade",
        "manager", OCT_1);

    assertThat(chinese.describe(holiday))
        .isEqualTo("冻结窗口 2026-10-01 08:00 UTC+08:00 至 2026-10-08 08:00 UTC+08:00（全部服务）：国庆封网");
    assertThat(chinese.say("planned-inside", "window", chinese.describe(two)))
        .isEqualTo("计划时间落在冻结窗口 2026-10-01 08:00 UTC+08:00 至 2026-10-01 09:00 UTC+08:00（payments-api、web-portal）：DB upgrade");
    assertThat(english.say("timeline.freeze-overridden", "window", english.describe(two))).isEqualTo(
        "Emergency change inside the freeze window 2026-10-01 08:00 UTC+08:00 to 2026-10-01 09:00 UTC+08:00"
            + " (payments-api, web-portal): DB upgrade");
  }
}
