package io.opsflow.kernel.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages OpsFlow speaks, and which one a reader gets: the choice made in a webapp's user menu
 * or on the sign-in page (cookie {@value #COOKIE}), then the browser's languages (Accept-Language),
 * then the installation's language ({@code opsflow.language}).
 */
public enum Language {
  EN("en", "en"), ZH("zh", "zh-CN");

  /** The cookie the webapps' language menu and the sign-in page keep the choice in (app/opsflow/language.js). */
  public static final String COOKIE = "opsflow-language";

  private final String code;
  private final String tag;

  Language(String code, String tag) {
    this.code = code;
    this.tag = tag;
  }

  /** As the webapps list it in availableLocales and keep it in the cookie: {@code en}, {@code zh}. */
  public String code() {
    return code;
  }

  /** The BCP 47 tag: {@code en}, {@code zh-CN}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** The text in this language. */
  public String say(String english, String chinese) {
    return this == ZH ? chinese : english;
  }

  /** The language a code or tag names ({@code zh}, {@code zh-CN}, {@code en-US}, …), if OpsFlow speaks it. */
  public static Optional<Language> of(String codeOrTag) {
    if (codeOrTag == null) {
      return Optional.empty();
    }
    return switch (codeOrTag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT)) {
      case "zh" -> Optional.of(ZH);
      case "en" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** The language the request's reader chose: the cookie, else the browser's languages, else {@code fallback}. */
  public static Language of(HttpServletRequest request, Language fallback) {
    return chosen(request).orElseGet(() -> browsers(request).orElse(fallback));
  }

  /** The language chosen in a webapp or on the sign-in page, if any. */
  public static Optional<Language> chosen(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return Optional.empty();
    }
    return Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName()))
        .map(Cookie::getValue).flatMap(code -> of(code).stream()).findFirst();
  }

  private static Optional<Language> browsers(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
      // without the header the servlet container offers its own default locale, which is no reader's choice
      return Optional.empty();
    }
    return Collections.list(request.getLocales()).stream().flatMap(locale -> of(locale.getLanguage()).stream())
        .findFirst();
  }
}
