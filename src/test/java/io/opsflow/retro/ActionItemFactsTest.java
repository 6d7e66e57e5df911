package io.opsflow.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;

/** An action item's facts as its "Implement improvement" and "Verify improvement" tasks show them. */
class ActionItemFactsTest {

  private static final Phrases RETRO = Phrases.of("retro");

  @Test
  void anItemsFactsReadInTheInstallationsLanguage() {
    Object[] item = {"item", "RETRO-2026-0003-1", "title", "支付超时告警阈值下调到 2 秒 ⏱", "owner", "ops", "due",
        LocalDate.parse("2026-12-15"), "implemented", "已调整 Prometheus 规则", "verified", null};

    assertThat(RETRO.say(new Installation("zh-CN", "Asia/Shanghai").reader(), "item.facts", item)).isEqualTo("""
        RETRO-2026-0003-1：支付超时告警阈值下调到 2 秒 ⏱
        负责组：ops，截止日期 2026-12-15
        目前已完成：已调整 Prometheus 规则""");
    assertThat(RETRO.say(new Installation("en", "UTC").reader(), "item.facts", item)).isEqualTo("""
        RETRO-2026-0003-1: 支付超时告警阈值下调到 2 秒 ⏱
        Owner: ops, due 2026-12-15
        Done so far: 已调整 Prometheus 规则""");
  }
}
