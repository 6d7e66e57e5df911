package io.opsflow.incident.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentCategory;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.IncidentState;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Level;
import io.opsflow.incident.Priority;
import io.opsflow.incident.TextOnlyIncidents;

/** What incident-response's steps write on the timeline and in the forms' facts, in the installation's language. */
class IncidentTextsTest {

  private static final Instant OPENED = Instant.parse("2026-03-01T08:00:00Z");
  private final Incidents chinese = TextOnlyIncidents.in("zh-CN");
  private final Incidents english = TextOnlyIncidents.in("en");

  @Test
  void theTriageFormsFactsReadInChinese() {
    assertThat(IncidentFacts.facts(incident(), chinese)).isEqualTo("""
        INC-2026-0042 (P1): 支付超时 🚨
        服务：payments-api，值班组：ops
        影响 高，紧急度 中
        2026-03-01 16:00 UTC+08:00 由 alertmanager 上报，来源：告警（Alertmanager）
        确认期限 2026-03-01 16:15 UTC+08:00，解决期限 2026-03-01 20:00 UTC+08:00""");
  }

  @Test
  void aServiceTheCatalogDoesNotKnowIsMarkedSoInTheInstallationsLanguage() {
    Incident unknown = incident("billing-legacy");

    assertThat(IncidentFacts.facts(unknown, chinese)).contains("服务：billing-legacy（未知服务），值班组：ops");
    assertThat(IncidentFacts.facts(unknown, english)).contains("Service: billing-legacy (unknown service), on call: ops");
  }

  @Test
  void theTriageFormsFactsReadInEnglish() {
    assertThat(IncidentFacts.facts(incident(), english)).isEqualTo("""
        INC-2026-0042 (P1): 支付超时 🚨
        Service: payments-api, on call: ops
        Impact high, urgency medium
        Opened 2026-03-01 16:00 UTC+08:00 by alertmanager (alertmanager)
        Acknowledge by 2026-03-01 16:15 UTC+08:00, resolve by 2026-03-01 20:00 UTC+08:00""");
  }

  @Test
  void alertsVerificationAndEscalationReadInChinese() {
    assertThat(chinese.say("timeline.alert-fired-again", "alert", "HighLatency")).isEqualTo("告警 HighLatency 再次触发");
    assertThat(chinese.say("timeline.alert-resolved", "alert", "HighLatency", "clipped", null))
        .isEqualTo("告警 HighLatency 已恢复");
    assertThat(chinese.say("timeline.alerts-resolved.asked")).isEqualTo("所有告警均已恢复：已请值班人确认关闭");
    assertThat(chinese.say("timeline.verified", "note", "错误率回到 0.1% ✅")).isEqualTo("解决结果已验证：错误率回到 0.1% ✅");
    assertThat(english.say("timeline.verified", "note", null)).isEqualTo("Resolution verified");
    assertThat(chinese.say("timeline.escalated", "level", 2, "paged", "Oscar")).isEqualTo("尚无人确认：已呼叫第 2 级（Oscar）");
    assertThat(chinese.say("timeline.change", "change", "CHG-2026-0007")).isEqualTo("已关联变更 CHG-2026-0007");
  }

  @Test
  void openingPriorityAndClosingReadInChinese() {
    Object[] opened = {"via", chinese.say("via.api"), "service", "payments-api", "unknown", null, "impact", Level.HIGH,
        "urgency", Level.MEDIUM, "category", IncidentCategory.SECURITY, "restricted", chinese.say("opened.restricted")};
    assertThat(chinese.say("timeline.opened", opened))
        .isEqualTo("通过接口为 payments-api 创建（影响 高，紧急度 中，类别 " + IncidentCategory.SECURITY.chinese()
            + "）；仅运维、经理和安全团队可见");
    assertThat(english.say("timeline.opened", "via", english.say("via.api"), "service", "billing (unknown service)",
        "unknown", english.say("opened.unknown-service"), "impact", Level.HIGH, "urgency", Level.MEDIUM, "category", null,
        "restricted", null)).isEqualTo("Opened through the API for billing (unknown service): the service is not in the"
            + " catalog, so the incident goes to ops (impact high, urgency medium)");
    assertThat(chinese.say("timeline.priority", "priority", Priority.P1, "impact", Level.HIGH, "urgency", Level.HIGH,
        "ackDue", OPENED.plusSeconds(900), "resolveDue", OPENED.plusSeconds(14_400)))
        .isEqualTo("优先级 P1（影响 高，紧急度 高）；确认期限 2026-03-01 16:15 UTC+08:00，解决期限 2026-03-01 20:00 UTC+08:00");
    assertThat(chinese.say("timeline.closed", "toAcknowledge", chinese.human(Duration.ofMinutes(20)), "ackSla",
        chinese.say("sla.missed"), "toResolve", chinese.human(Duration.ofMinutes(150)), "resolveSla", chinese.say("sla.held")))
        .isEqualTo("已关闭。确认用时 20 分钟（未达成 SLA），解决用时 2 小时 30 分钟（达成 SLA）");
    assertThat(english.say("timeline.closed", "toAcknowledge", english.human(Duration.ofMinutes(20)), "ackSla",
        english.say("sla.missed"), "toResolve", english.human(Duration.ofMinutes(150)), "resolveSla", english.say("sla.held")))
        .isEqualTo("Closed. Time to acknowledge 20 min (SLA missed), time to resolve 2 h 30 min (within SLA)");
    assertThat(chinese.say("resolution.alerts-resolved", "note", null)).isEqualTo("所有告警均已恢复");
    assertThat(chinese.say("timeline.notified", "person", "Olivia", "group", "ops", "policy", chinese.say("policy.built-in")))
        .isEqualTo("值班：Olivia（ops，升级策略 内置）");
  }

  @Test
  void aDurationReadsInTheInstallationsLanguage() {
    assertThat(chinese.human(Duration.ofSeconds(45))).isEqualTo("45 秒");
    assertThat(chinese.human(Duration.ofMinutes(12))).isEqualTo("12 分钟");
    assertThat(chinese.human(Duration.ofMinutes(125))).isEqualTo("2 小时 5 分钟");
    assertThat(english.human(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
  }

  private static Incident incident() {
    return incident(null);
  }

  /** A P1 on payments-api, or on a service the catalog does not know when {@code reported} names one. */
  private static Incident incident(String reported) {
    return new Incident("INC-2026-0042", "支付超时 🚨", null, reported == null ? "payments-api" : null, reported,
        reported != null, "ops", Level.HIGH, Level.MEDIUM,
        Priority.P1, 15, 240, OPENED.plusSeconds(15 * 60), OPENED.plusSeconds(4 * 3600), IncidentSource.ALERTMANAGER,
        "alertmanager", IncidentState.OPEN, true, null, null, OPENED, null, null, null, null, null, null, null, false,
        false, false, IncidentCategory.OUTAGE, false);
  }
}
