package io.opsflow.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opsflow.support.Api.Response;
import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/**
 * The session and its cookies: a request with a missing or wrong CSRF token is refused and the
 * person stays signed in; behind an HTTPS reverse proxy every cookie is Secure, over plain HTTP
 * (the demo) none is.
 */
class WebappSessionIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @Test
  void aBadCsrfTokenIsRefusedWithoutEndingTheSession() {
    Api olivia = api().signIn("olivia", "demo");

    Response forged = olivia.withHeader("X-XSRF-TOKEN", "forged").post(WEBAPP_ENGINE + "/filter/create", "{}");
    Response missing = olivia.withHeader("X-XSRF-TOKEN", "").post(WEBAPP_ENGINE + "/filter/create", "{}");
    Response forgedSignOut = olivia.withHeader("X-XSRF-TOKEN", "forged").post("/camunda/api/admin/auth/user/default/logout", "");

    assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
    assertThat(missing.status()).as(missing.toString()).isEqualTo(403);
    assertThat(forgedSignOut.status()).as(forgedSignOut.toString()).isEqualTo(403);
    assertThat(olivia.get(WEBAPP_ENGINE + "/task?maxResults=1").status()).as("still signed in").isEqualTo(200);
    assertThat(olivia.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo("olivia");
    assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aWrongPasswordAndSigningOutLandOnTheSignInPageSayingSo() {
    Api browser = api().withHeader("Accept", "text/html").browser();
    Response wrong = browser.submitSignIn("olivia", "not-her-password");
    assertThat(wrong.header("Location")).endsWith("/login?error");
    Response wrongPage = browser.get("/login?error");

    Api olivia = api().withHeader("Accept", "text/html").browser();
    olivia.submitSignIn("olivia", "demo");
    Response signedOut = olivia.form("/logout", Map.of("_csrf", Api.signInToken(olivia.get("/login"))));
    assertThat(signedOut.header("Location")).endsWith("/login?logout");
    Response signedOutPage = olivia.get("/login?logout");

    assertThat(wrongPage.status()).as(wrongPage.toString()).isEqualTo(200);
    assertThat(wrongPage.body()).contains("Invalid credentials").contains("name=\"password\"");
    assertThat(signedOutPage.status()).as(signedOutPage.toString()).isEqualTo(200);
    assertThat(signedOutPage.body()).contains("You have been signed out");
  }

  @Test
  void behindAnHttpsProxyEveryCookieIsSecure() {
    List<String> cookies = cookiesOfASignIn(api().withHeader("X-Forwarded-Proto", "https"));

    assertThat(cookies).extracting(SetCookie::name).contains("XSRF-TOKEN", DeviceCookie.NAME);
    assertThat(cookies).as("session, XSRF-TOKEN and device cookies").allMatch(SetCookie::secure);
  }

  @Test
  void overPlainHttpCookiesAreNotSecure() {
    List<String> cookies = cookiesOfASignIn(api());

    assertThat(cookies).extracting(SetCookie::name).contains("XSRF-TOKEN", DeviceCookie.NAME);
    assertThat(cookies).noneMatch(SetCookie::secure);
  }

  /**
   * Signs olivia in and opens Tasklist, keeping cookies by hand (a cookie jar would not send
   * Secure cookies back over http://); returns every Set-Cookie header on the way.
   */
  private static List<String> cookiesOfASignIn(Api browser) {
    Map<String, String> jar = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    Response form = keep(browser.get("/login"), jar, seen);
    Response signedIn = keep(withCookies(browser, jar).form("/login",
        Map.of("username", "olivia", "password", "demo", "_csrf", Api.signInToken(form))), jar, seen);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    Response tasklist = keep(withCookies(browser, jar).get("/camunda/app/tasklist/default/"), jar, seen);
    assertThat(tasklist.status()).isEqualTo(200);
    return seen;
  }

  private static Response keep(Response response, Map<String, String> jar, List<String> seen) {
    for (String setCookie : response.headers("Set-Cookie")) {
      seen.add(setCookie);
      String pair = setCookie.split(";", 2)[0];
      jar.put(SetCookie.name(setCookie), pair.substring(pair.indexOf('=') + 1));
    }
    return response;
  }

  private static Api withCookies(Api browser, Map<String, String> jar) {
    return browser.withHeader("Cookie", jar.entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
  }

  private static final class SetCookie {

    static String name(String setCookie) {
      return setCookie.substring(0, setCookie.indexOf('=')).strip();
    }

    static boolean secure(String setCookie) {
      return Pattern.compile(";\\s*Secure\\s*(;|$)", Pattern.CASE_INSENSITIVE).matcher(setCookie).find();
    }
  }
}
