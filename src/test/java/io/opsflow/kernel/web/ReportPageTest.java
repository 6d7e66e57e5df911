package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Reader;

class ReportPageTest {

  private static final Instant OPENED = Instant.parse("2026-11-28T01:30:00Z");

  private static ResponseEntity<?> answer(Installation installation, String acceptLanguage) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Accept", "text/markdown");
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return ReportPage.answer(request, installation, ReportFormat.JSON, reader -> reader.say("Report", "报告"),
        (Reader reader) -> reader.say("Opened ", "发生于 ") + reader.time(OPENED), () -> "{}");
  }

  @Test
  void aReaderWhoNamesNoLanguageGetsTheInstallationsOnItsClock() throws Exception {
    ResponseEntity<?> report = answer(new Installation("zh-CN", "Asia/Shanghai"), null);

    assertThat(report.getHeaders().getFirst("Content-Language")).isEqualTo("zh-CN");
    assertThat(report.getBody()).isEqualTo("发生于 2026-11-28 09:30 UTC+08:00");
  }

  @Test
  void theBrowsersLanguageWinsAndTheClockStaysTheInstallations() throws Exception {
    ResponseEntity<?> report = answer(new Installation("zh-CN", "Asia/Shanghai"), "en-US,en;q=0.8");

    assertThat(report.getHeaders().getFirst("Content-Language")).isEqualTo("en");
    assertThat(report.getBody()).isEqualTo("Opened 2026-11-28 09:30 UTC+08:00");
  }
}
