package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.text.Installation;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;

class TemplatesTest {

  private final Templates templates = new Templates("https://opsflow.example.com/", new Installation("en", "UTC"));
  private final Templates shanghai = new Templates("https://opsflow.example.com/",
      new Installation("zh-CN", "Asia/Shanghai"));

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
  void chineseMessageOnShanghaisClockShowsTheTimeWithItsOffset() {
    Templates.Rendered text = shanghai.render(OPENED, "zh-CN");

    assertThat(text.title()).isEqualTo("[P1] 事件 INC-2026-0042 已创建 \uff1a支付超时 🚨");
    assertThat(text.text()).contains("请在此时间前确认：2026-03-01 16:15 UTC+08:00").doesNotContain("08:15");
  }

  @Test
  void aCodedFactReadsInTheChannelsLanguageAndAsItsCodeInEnglish() {
    Coded acknowledge = new Coded() {
      @Override
      public String code() {
        return "acknowledge";
      }

      @Override
      public String chinese() {
        return "确认";
      }
    };
    Notice breached = Notice.of("x", NoticeEvent.INCIDENT_SLA_BREACHED, "INC-7").withFacts(Map.of("sla", acknowledge));

    assertThat(shanghai.render(breached, "zh-CN").text()).startsWith("事件 INC-7 的 确认 SLA 已超时。");
    assertThat(templates.render(breached, "en").text()).startsWith("The acknowledge SLA of incident INC-7 has passed.");
  }

  @Test
  void bothLanguagesHaveTheSameTemplatesWithTheSamePlaceholders() throws IOException {
    Properties english = properties("en");
    Properties chinese = properties("zh_CN");

    assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(placeholders(chinese.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
      assertThat(chinese.getProperty(key).split("\\|\\|", -1)).as(key + ": the same optional title parts")
          .hasSameSizeAs(english.getProperty(key).split("\\|\\|", -1));
      assertThat(chinese.getProperty(key).split("\n", -1)).as(key + ": the same body lines")
          .hasSameSizeAs(english.getProperty(key).split("\n", -1));
    }
  }

  private static Properties properties(String suffix) throws IOException {
    Properties properties = new Properties();
    try (var in = TemplatesTest.class.getResourceAsStream("/notify/templates/messages_" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Set<String> placeholders(String template) {
    return Pattern.compile("\\{([A-Za-z0-9_.-]+)}").matcher(template).results().map(match -> match.group(1))
        .collect(Collectors.toSet());
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
