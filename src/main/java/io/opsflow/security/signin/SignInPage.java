package io.opsflow.security.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * OpsFlow's one sign-in page, in English or Chinese like the webapps: the language chosen in a
 * webapp's user menu (cookie {@value Language#COOKIE}) wins, then the browser's languages
 * (Accept-Language), then the installation's language ({@code opsflow.language}). Spring Security
 * handles the form's POST.
 */
@Controller
class SignInPage {

  /** What the page says, in each language the webapps speak. */
  record Texts(String title, String username, String password, String signIn, String wrongPassword,
      String signedOut, String nativeName) {

    static Texts of(Language language) {
      return switch (language) {
        case EN -> new Texts("Sign in to OpsFlow", "Username", "Password", "Sign in", "Invalid credentials",
            "You have been signed out", "English");
        case ZH -> new Texts("登录 OpsFlow", "用户名", "密码", "登录", "用户名或密码错误", "您已退出登录", "中文");
      };
    }
  }

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="%1$s"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%2$s</title>
      <link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,%11$s">
      <style>
        body { font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
               background: #f4f5f7; margin: 0; }
        main { max-width: 22em; margin: 10vh auto; background: #fff; padding: 2em; border-radius: 6px;
               box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
        h1 { font-size: 1.4em; margin-top: 0; display: flex; align-items: center; gap: .6em; }
        h1 svg { width: 2em; height: 2em; flex: none; }
        label { display: block; margin: 1em 0 .3em; }
        input[type=text], input[type=password] { width: 100%%; box-sizing: border-box; padding: .5em; font-size: 1em; }
        button { margin-top: 1.5em; width: 100%%; padding: .6em; font-size: 1em; }
        .message { padding: .6em; border-radius: 4px; background: #e8f0fe; }
        .message.error { background: #fde8e8; }
        .language { margin-top: 1.5em; text-align: right; font-size: .9em; }
      </style></head>
      <body><main>
      <h1>%12$s<span>%2$s</span></h1>
      %3$s<form method="post" action="%4$s/login">
      <label for="username">%5$s</label>
      <input type="text" id="username" name="username" autocomplete="username" required autofocus>
      <label for="password">%6$s</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <input name="_csrf" type="hidden" value="%7$s">
      <button type="submit">%8$s</button>
      </form>
      <p class="language"><a href="%4$s/login?lang=%9$s" lang="%9$s">%10$s</a></p>
      </main></body></html>
      """;

  /**
   * The webapps' logo, drawn into the page and its icon: nothing but the sign-in page answers
   * before signing in, so the page cannot link to it.
   */
  private static final String LOGO = logo();
  private static final String LOGO_BASE64 = Base64.getEncoder().encodeToString(LOGO.getBytes(StandardCharsets.UTF_8));

  private static String logo() {
    try {
      return new ClassPathResource("META-INF/resources/webjars/camunda/app/opsflow/logo.svg")
          .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->\\s*", "");
    } catch (IOException e) {
      throw new UncheckedIOException("OpsFlow's logo is missing from the classpath", e);
    }
  }

  private final Installation installation;

  SignInPage(Installation installation) {
    this.installation = installation;
  }

  @GetMapping("/login")
  ResponseEntity<String> page(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf) {
    Optional<Language> switched = Optional.ofNullable(request.getParameter("lang")).flatMap(Language::of);
    switched.ifPresent(chosen -> remember(chosen, request, response));
    Language language = switched.orElseGet(() -> installation.languageOf(request));
    Language other = language == Language.EN ? Language.ZH : Language.EN;
    Texts texts = Texts.of(language);
    String message = "";
    if (request.getParameter("error") != null) {
      message = "<p class=\"message error\" role=\"alert\">" + texts.wrongPassword() + "</p>\n";
    } else if (request.getParameter("logout") != null) {
      message = "<p class=\"message\" role=\"status\">" + texts.signedOut() + "</p>\n";
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(PAGE.formatted(language.tag(), texts.title(), message,
            HtmlUtils.htmlEscape(request.getContextPath()), texts.username(), texts.password(),
            HtmlUtils.htmlEscape(csrf.getToken()), texts.signIn(), other.code(),
            Texts.of(other).nativeName(), LOGO_BASE64, LOGO));
  }

  /** The webapps read the choice too (app/opsflow/language.js), so the cookie is not HttpOnly. */
  private static void remember(Language language, HttpServletRequest request, HttpServletResponse response) {
    String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Language.COOKIE, language.code())
        .path(path).maxAge(Duration.ofDays(365)).sameSite("Lax").secure(request.isSecure()).build().toString());
  }
}
