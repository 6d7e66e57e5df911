package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChatTextTest {

  private static Message titled(String title, String language) {
    return new Message("m", "incident.opened", "INC-1", title, "body", "body", "https://x/task", List.of(), Map.of(),
        language);
  }

  @Test
  void theLinkIsLabelledInTheChannelsLanguageWhateverTheTitleSays() {
    assertThat(ChatText.openLabel(titled("[P1] Incident INC-1 opened – 支付超时", "en"))).isEqualTo("Open");
    assertThat(ChatText.openLabel(titled("[P1] 事件 INC-1 已创建：payments down", "zh-CN"))).isEqualTo("去处理");
    assertThat(ChatText.openLabel(titled("Test message", "zh-CN"))).isEqualTo("去处理");
  }

  @Test
  void withoutALanguageTheTitleDecides() {
    assertThat(ChatText.openLabel(titled("支付超时", null))).isEqualTo("去处理");
    assertThat(ChatText.openLabel(titled("payments down", null))).isEqualTo("Open");
  }
}
