package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;

class TemplatesTest {

  private final Templates templates = new Templates("https://opsflow.example.com/");

  private static final Notice OPENED = Notice.of("incident.opened:INC-2026-0042", NoticeEvent.INCIDENT_OPENED,
      "INC-2026-0042").withService("payments-api").withPriority("P1").withGroup("ops")
      .withFacts(Map.of("title", "支付超时 🚨", "deadline", Instant.parse("2026-03-01T08:15:00Z"))).withTask("task-7");

  @Test
  void everyEventHasATitleAndBodyInBothLanguages() {
    for (NoticeEvent event : NoticeEvent.values()) {
      if (event == NoticeEvent.TEST) {
        continue;
      }
      Notice notice = Notice.of("x", event, "REF-1");
      for (String language : Templates.LANGUAGES) {
        assertThat(templates.render(notice, language).title()).as(event + " " + language).isNotBlank();
      }
    }
  }

  @Test
  void englishMessageNamesKeyServicePriorityDeadlineAndLinksTheTask() {
    Templates.Rendered text = templates.render(OPENED, "en");

    assertThat(text.title()).isEqualTo("[P1] Incident INC-2026-0042 opened \u2013 支付超时 🚨");
    assertThat(text.text()).contains("Service: payments-api", "Priority: P1", "Acknowledge by: 2026-03-01 08:15 UTC");
    assertThat(text.link()).isEqualTo("https://opsflow.example.com/camunda/app/tasklist/default/#/?task=task-7");
    assertThat(text.markdown() + text.text()).as("the channel clients print the link, once").doesNotContain("task-7");
  }

  @Test
  void chineseMessageLeavesOutWhatIsNotKnown() {
    Notice bare = Notice.of("incident.opened:INC-9", NoticeEvent.INCIDENT_OPENED, "INC-9");

    Templates.Rendered text = templates.render(bare, "zh-CN");

    assertThat(text.title()).isEqualTo("事件 INC-9 已创建");
    assertThat(text.text()).isEmpty();
    assertThat(templates.render(OPENED, "zh-CN").text()).contains("服务：payments-api", "优先级：P1");
  }

  @Test
  void aLinkWithoutTaskIsMadeAbsolute() {
    assertThat(templates.render(OPENED.withTask(null).withLink("/api/incidents/INC-2026-0042"), "en").link())
        .isEqualTo("https://opsflow.example.com/api/incidents/INC-2026-0042");
  }

  @Test
  void digestHasACountAndOneLinePerItem() {
    Templates.Rendered digest = templates.digest("zh-CN", List.of(new Templates.Rendered("A", null, null, "https://x/1"),
        new Templates.Rendered("B", null, null, null)));

    assertThat(digest.title()).isEqualTo("2 条通知");
    assertThat(digest.markdown()).contains("- [A](https://x/1)", "- B");
    assertThat(templates.digest("en", List.of()).title()).isEqualTo("0 notifications");
  }
}
