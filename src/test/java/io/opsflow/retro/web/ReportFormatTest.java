package io.opsflow.retro.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class ReportFormatTest {

  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void markdownUnlessHtmlIsAskedForByName() throws Exception {
    assertThat(ReportFormat.wanted(null)).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted(" ")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted("*/*")).as("curl").isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted("text/*")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted("text/markdown")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted("text/html, text/markdown")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.wanted("text/html")).isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.wanted(BROWSER)).as("a browser").isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.wanted("text/markdown;q=0.5, text/html")).isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.wanted("text/html;q=0.5, */*")).isEqualTo(ReportFormat.MARKDOWN);
  }

  @Test
  void aClientThatTakesNeitherIsNotAcceptable() {
    assertThatThrownBy(() -> ReportFormat.wanted("application/json"))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    assertThatThrownBy(() -> ReportFormat.wanted("text/html;q=0, text/markdown;q=0"))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    assertThatThrownBy(() -> ReportFormat.wanted("not a type"))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class).hasMessageContaining("not a list of media types");
  }
}
