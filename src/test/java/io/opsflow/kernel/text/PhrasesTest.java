package io.opsflow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.opsflow.kernel.domain.Coded;

class PhrasesTest {

  private static final Reader ENGLISH = new Installation("en", "UTC").reader();
  private static final Reader CHINESE = new Installation("zh-CN", "Asia/Shanghai").reader();
  /** A test bundle, texts/phrases-test_*.properties in the test resources. */
  private static final Phrases PHRASES = Phrases.of("phrases-test");

  private enum Outcome implements Coded {
    ROLLED_BACK;

    @Override
    public String code() {
      return "rolled-back";
    }

    @Override
    public String chinese() {
      return "已回滚";
    }
  }

  @Test
  void aTimeReadsOnTheReadersClockAndACodedValueInTheirLanguage() {
    Instant at = Instant.parse("2026-03-01T08:15:00Z");

    assertThat(PHRASES.say(ENGLISH, "closed", "outcome", Outcome.ROLLED_BACK, "at", at))
        .isEqualTo("Closed: rolled-back at 2026-03-01 08:15 UTC");
    assertThat(PHRASES.say(CHINESE, "closed", "outcome", Outcome.ROLLED_BACK, "at", at))
        .isEqualTo("已关闭：已回滚，时间 2026-03-01 16:15 UTC+08:00");
  }

  @Test
  void aPartWhoseValueIsMissingIsLeftOutAndUserTextStaysWhole() {
    assertThat(PHRASES.say(CHINESE, "rolled-back", "note", null)).isEqualTo("已回滚");
    assertThat(PHRASES.say(CHINESE, "rolled-back", "note", "恢复到 2.4.0 🚀 $1 {x}")).isEqualTo("已回滚：恢复到 2.4.0 🚀 $1 {x}");
    assertThat(PHRASES.say(ENGLISH, "rolled-back", "note", "back to 2.4.0")).isEqualTo("Rolled back: back to 2.4.0");
  }

  @Test
  void aListReadsAsItsItemsInARow() {
    assertThat(PHRASES.say(ENGLISH, "overlaps", "changes", List.of("CHG-1", "CHG-2"))).isEqualTo("Overlaps with CHG-1, CHG-2");
    assertThat(PHRASES.say(CHINESE, "overlaps", "changes", List.of("CHG-1", "CHG-2"))).isEqualTo("与 CHG-1、CHG-2 时间重叠");
  }

  @Test
  void aTextOrAValueThatIsNotThereIsADefectNotAnEmptyText() {
    assertThatThrownBy(() -> PHRASES.say(ENGLISH, "no-such-text")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-text");
    assertThatThrownBy(() -> PHRASES.say(ENGLISH, "rolled-back")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{note}");
    assertThatThrownBy(() -> PHRASES.say(ENGLISH, "rolled-back", "note")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Every module's Chinese texts are its English ones: the same keys, placeholders and optional parts. */
  @Test
  void everyModuleSaysTheSameInBothLanguages() throws IOException {
    Resource[] english = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:" + Phrases.FOLDER + "/*_en.properties");
    List<String> modules = new ArrayList<>();
    for (Resource resource : english) {
      String module = resource.getFilename().replaceFirst("_en\\.properties$", "");
      modules.add(module);
      Properties en = properties(module, "en");
      Properties zh = properties(module, "zh_CN");
      assertThat(zh.stringPropertyNames()).as(module).isEqualTo(en.stringPropertyNames());
      for (String key : en.stringPropertyNames()) {
        String[] enParts = en.getProperty(key).split("\\|\\|", -1);
        String[] zhParts = zh.getProperty(key).split("\\|\\|", -1);
        assertThat(zhParts).as(module + " " + key + ": the same optional parts").hasSameSizeAs(enParts);
        for (int i = 0; i < enParts.length; i++) {
          assertThat(placeholders(zhParts[i])).as(module + " " + key + " part " + i).isEqualTo(placeholders(enParts[i]));
        }
        assertThat(zh.getProperty(key)).as(module + " " + key + " is translated")
            .matches(text -> text.isEmpty() || !text.equals(en.getProperty(key)) || !text.matches(".*[a-z]{3}.*"));
      }
    }
    assertThat(modules).contains("change", "emergency", "incident", "feedback", "lifecycle", "oncall", "retro");
  }

  private static Properties properties(String module, String suffix) {
    return Texts.properties("/" + Phrases.FOLDER + "/" + module + "_" + suffix + ".properties");
  }

  private static Set<String> placeholders(String text) {
    return Pattern.compile("\\{([A-Za-z0-9_.-]+)}").matcher(text).results().map(match -> match.group(1))
        .collect(Collectors.toSet());
  }
}
