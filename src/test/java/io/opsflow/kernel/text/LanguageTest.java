package io.opsflow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.http.Cookie;

class LanguageTest {

  private static MockHttpServletRequest request(String acceptLanguage, String cookie) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    if (cookie != null) {
      request.setCookies(new Cookie(Language.COOKIE, cookie));
    }
    return request;
  }

  @Test
  void theWebappsChoiceWinsOverTheBrowser() {
    assertThat(Language.of(request("en-US,en;q=0.9", "zh"), Language.EN)).isEqualTo(Language.ZH);
    assertThat(Language.of(request("zh-CN,zh;q=0.9", "en"), Language.ZH)).isEqualTo(Language.EN);
  }

  @Test
  void theBrowsersFirstLanguageOpsFlowSpeaksComesNext() {
    assertThat(Language.of(request("de-DE,zh-TW;q=0.8,en;q=0.5", null), Language.EN)).isEqualTo(Language.ZH);
    assertThat(Language.of(request("en-GB", "fr"), Language.ZH)).as("an unknown cookie is no choice").isEqualTo(Language.EN);
  }

  @Test
  void withoutAChoiceTheInstallationsLanguageIsSpoken() {
    Installation chinese = new Installation("zh-CN", "UTC");

    assertThat(chinese.languageOf(request(null, null))).isEqualTo(Language.ZH);
    assertThat(chinese.languageOf(request("de-DE,fr;q=0.8", null))).isEqualTo(Language.ZH);
    assertThat(new Installation(null, null).languageOf(request(null, null))).isEqualTo(Language.EN);
  }

  @Test
  void codesAndTagsNameTheLanguage() {
    assertThat(Language.of("zh-CN")).contains(Language.ZH);
    assertThat(Language.of("zh_Hans")).contains(Language.ZH);
    assertThat(Language.of("EN-us")).contains(Language.EN);
    assertThat(Language.of("fr")).isEmpty();
    assertThat(Language.ZH.code()).isEqualTo("zh");
    assertThat(Language.ZH.tag()).isEqualTo("zh-CN");
    assertThat(Language.ZH.say("Open", "去处理")).isEqualTo("去处理");
  }
}
