package io.opsflow.kernel.web;

import static io.opsflow.kernel.web.ReportFormat.HTML;
import static io.opsflow.kernel.web.ReportFormat.JSON;
import static io.opsflow.kernel.web.ReportFormat.MARKDOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class ReportFormatTest {

  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void theUsualFormatUnlessAnotherIsAskedForByName() throws Exception {
    for (ReportFormat usual : new ReportFormat[] {MARKDOWN, JSON}) {
      assertThat(ReportFormat.wanted(null, usual)).isEqualTo(usual);
      assertThat(ReportFormat.wanted(" ", usual)).isEqualTo(usual);
      assertThat(ReportFormat.wanted("*/*", usual)).as("curl").isEqualTo(usual);
      assertThat(ReportFormat.wanted("text/markdown", usual)).isEqualTo(MARKDOWN);
      assertThat(ReportFormat.wanted("application/json", usual)).isEqualTo(JSON);
      assertThat(ReportFormat.wanted("text/html, text/markdown", usual)).isEqualTo(MARKDOWN);
      assertThat(ReportFormat.wanted("text/html", usual)).isEqualTo(HTML);
      assertThat(ReportFormat.wanted(BROWSER, usual)).as("a browser").isEqualTo(HTML);
      assertThat(ReportFormat.wanted("text/markdown;q=0.5, text/html", usual)).isEqualTo(HTML);
      assertThat(ReportFormat.wanted("text/html;q=0.5, */*", usual)).isEqualTo(usual);
    }
    assertThat(ReportFormat.wanted("text/*", JSON)).isEqualTo(MARKDOWN);
    assertThat(ReportFormat.wanted("application/json;q=0.5, text/markdown", JSON)).isEqualTo(MARKDOWN);
  }

  @Test
  void aClientThatTakesNoneIsNotAcceptable() {
    assertThatThrownBy(() -> ReportFormat.wanted("image/png", MARKDOWN))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    assertThatThrownBy(() -> ReportFormat.wanted("text/html;q=0, text/markdown;q=0", MARKDOWN))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    assertThatThrownBy(() -> ReportFormat.wanted("not a type", MARKDOWN))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class).hasMessageContaining("not a list of media types");
  }
}
