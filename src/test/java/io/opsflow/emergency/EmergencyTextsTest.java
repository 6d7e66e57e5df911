package io.opsflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Installation;

/** What an emergency plan writes in its activation log, its forms and the incident's timeline, in the installation's language. */
class EmergencyTextsTest {

  private final EmergencyPlans chinese = plans("zh-CN");
  private final EmergencyPlans english = plans("en");

  private static EmergencyPlans plans(String language) {
    return new EmergencyPlans(null, null, null, null, null, null, null, null, new Installation(language, "Asia/Shanghai"));
  }

  @Test
  void anActivationAndADrillAreLoggedInChinese() {
    assertThat(chinese.say("step.activate")).isEqualTo("启动预案");
    assertThat(chinese.say("log.activated", "plan", "emergency-plan-service-outage", "service", "payments-api",
        "incident", "INC-2026-0042")).isEqualTo("为 payments-api 启动 emergency-plan-service-outage（事件 INC-2026-0042）");
    assertThat(chinese.say("log.drill", "plan", "emergency-plan-database-failure", "service", "payments-api",
        "incident", null)).isEqualTo("在 payments-api 上演练 emergency-plan-database-failure");
    assertThat(english.say("log.drill", "plan", "emergency-plan-database-failure", "service", "payments-api",
        "incident", null)).isEqualTo("Drill of emergency-plan-database-failure for payments-api");
  }

  @Test
  void actionsTheirFailuresAndTheEndReadInChinese() {
    assertThat(chinese.say("log.dry-run", "action", "freeze-writes", "url", "https://hooks.example.com/freeze"))
        .isEqualTo("演练：本应向 https://hooks.example.com/freeze 发送操作“freeze-writes”（POST）");
    String failed = chinese.say("action-failed.for-good", "action", "isolate-hosts", "attempt", 1L, "reason", "HTTP 403");
    assertThat(failed).isEqualTo("操作“isolate-hosts”第 1 次尝试失败，不再重试：HTTP 403");
    assertThat(chinese.say("log.handed-to-people", "failure", failed)).endsWith("；已转为人工处理");
    assertThat(chinese.say("incident.plan-ended", "activation", "EPA-2026-0007", "outcome", PlanOutcome.RESTORED,
        "summary", "已切换到备库")).isEqualTo("应急预案 EPA-2026-0007 已结束：已恢复。已切换到备库");
    assertThat(english.say("incident.plan-ended", "activation", "EPA-2026-0007", "outcome", PlanOutcome.RESTORED,
        "summary", null)).isEqualTo("Emergency plan EPA-2026-0007 ended: restored");
    assertThat(chinese.say("aborted-by", "by", "olivia", "reason", null)).isEqualTo("由 olivia 中止");
  }

  @Test
  void everyPlanStepsFactsSayWhetherItIsADrillInChinese() {
    assertThat(chinese.say("plan.facts.title", "drill", chinese.say("plan.facts.drill"), "activation", "EPA-2026-0007",
        "plan", "emergency-plan-database-failure"))
        .isEqualTo("DRILL 演练：自动操作只演示，不会真正执行。emergency-plan-database-failure：EPA-2026-0007");
    assertThat(english.say("plan.facts.title", "drill", english.say("plan.facts.drill"), "activation", "EPA-2026-0007",
        "plan", "emergency-plan-database-failure"))
        .isEqualTo("DRILL: automated actions run dry. EPA-2026-0007 of emergency-plan-database-failure");
    assertThat(chinese.say("plan.facts.service", "service", "ghost", "unknown", chinese.say("plan.facts.not-in-catalog")))
        .isEqualTo("服务：ghost（不在服务目录中）");
    assertThat(english.say("plan.facts.service", "service", "ghost", "unknown", english.say("plan.facts.not-in-catalog")))
        .isEqualTo("Service: ghost (not in the catalog)");
    assertThat(chinese.say("plan.facts.incident", "incident", chinese.say("plan.facts.no-incident"))).isEqualTo("事件：无");
  }

  @Test
  void theScheduleDrillFormsFactsReadInChinese() {
    assertThat(chinese.say("drill.facts", "plan", "应急预案：服务中断", "key", "emergency-plan-service-outage", "owner", "ops",
        "lastDrill", Instant.parse("2026-06-01T02:00:00Z"), "days", 90))
        .isEqualTo("应急预案：服务中断（emergency-plan-service-outage），负责组 ops\n"
            + "上次演练：2026-06-01 10:00 UTC+08:00，每 90 天演练一次");
    assertThat(english.say("drill.facts", "plan", "Emergency plan: service outage", "key",
        "emergency-plan-service-outage", "owner", "ops", "lastDrill", english.say("drill.never"), "days", 90))
        .isEqualTo("Emergency plan: service outage (emergency-plan-service-outage), owner ops\n"
            + "Last drill: never, drill every 90 days");
  }
}
