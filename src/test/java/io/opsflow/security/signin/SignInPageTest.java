package io.opsflow.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Language;
import jakarta.servlet.http.Cookie;

class SignInPageTest {

  private static final DefaultCsrfToken CSRF = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token");

  private final SignInPage chineseInstallation = new SignInPage(new Installation("zh-CN", "Asia/Shanghai"));

  @Test
  void withoutABrowserLanguageThePageSpeaksTheInstallationsLanguage() {
    String page = chineseInstallation.page(new MockHttpServletRequest(), new MockHttpServletResponse(), CSRF).getBody();

    assertThat(page).contains("<html lang=\"zh-CN\">", "登录 OpsFlow", "用户名", "lang=en");
  }

  @Test
  void theBrowserAndThenTheWebappsChoiceWinOverTheInstallation() {
    MockHttpServletRequest english = new MockHttpServletRequest();
    english.addHeader("Accept-Language", "en-US,en;q=0.9");
    assertThat(chineseInstallation.page(english, new MockHttpServletResponse(), CSRF).getBody())
        .contains("Sign in to OpsFlow", "中文");

    MockHttpServletRequest chosen = new MockHttpServletRequest();
    chosen.addHeader("Accept-Language", "en-US");
    chosen.setCookies(new Cookie(Language.COOKIE, "zh"));
    assertThat(chineseInstallation.page(chosen, new MockHttpServletResponse(), CSRF).getBody()).contains("登录 OpsFlow");
  }

  @Test
  void switchingRemembersTheChoiceInTheWebappsCookie() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setParameter("lang", "en");
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(chineseInstallation.page(request, response, CSRF).getBody()).contains("Sign in to OpsFlow");
    assertThat(response.getHeader("Set-Cookie")).startsWith(Language.COOKIE + "=en;");
  }
}
