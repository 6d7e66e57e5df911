package io.opsflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for tests that talk to a running OpsFlow as a real caller would: anonymous,
 * a person with HTTP Basic, a service account with a Bearer token, or a person signed in to the
 * webapps with a session.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client;
  private final CookieManager cookies;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api(String base, HttpClient client) {
    this(base, client, null);
  }

  private Api(String base, HttpClient client, CookieManager cookies) {
    this.base = base;
    this.client = client;
    this.cookies = cookies;
  }

  public static Api at(int port) {
    return at("http://localhost:" + port);
  }

  public static Api at(String base) {
    return new Api(base, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
  }

  public Api anonymous() {
    return new Api(base, client);
  }

  public Api basic(String user, String password) {
    Api api = new Api(base, client);
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    api.headers.put("Authorization", "Basic " + credentials);
    return api;
  }

  public Api bearer(String token) {
    Api api = new Api(base, client);
    api.headers.put("Authorization", "Bearer " + token);
    return api;
  }

  /**
   * The same caller (credentials, session cookies, CSRF header) talking to another node of a
   * cluster, as a load balancer without sticky sessions would send it.
   */
  public Api on(int port) {
    Api api = new Api("http://localhost:" + port, client, cookies);
    api.headers.putAll(headers);
    return api;
  }

  /** The same caller, sending one more header on every request. */
  public Api withHeader(String name, String value) {
    Api api = new Api(base, client, cookies);
    api.headers.putAll(headers);
    api.headers.put(name, value);
    return api;
  }

  /** A browser of its own: keeps cookies, sends this caller's headers. */
  public Api browser() {
    CookieManager cookies = new CookieManager();
    Api browser = new Api(base, HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build(), cookies);
    browser.headers.putAll(headers);
    return browser;
  }

  /** Signs in through the sign-in form, as a browser does, and keeps the session cookie. */
  public Api signIn(String user, String password) {
    Api session = cookies == null ? browser() : this;
    Response login = session.submitSignIn(user, password);
    if (login.status() != 302 || login.header("Location").contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + login.status() + " " + login.header("Location"));
    }
    // opening Tasklist creates the webapps' authentication and hands out their CSRF token
    Response tasklist = session.get("/camunda/app/tasklist/default/");
    session.cookie("XSRF-TOKEN").ifPresent(token -> session.headers.put("X-XSRF-TOKEN", token));
    if (tasklist.status() == 200 && !session.headers.containsKey("X-XSRF-TOKEN")) {
      throw new IllegalStateException("no XSRF-TOKEN cookie after opening Tasklist");
    }
    return session;
  }

  /** Opens the sign-in form and submits it with this browser's cookies; the answer as it comes. */
  public Response submitSignIn(String user, String password) {
    return form("/login", Map.of("username", user, "password", password, "_csrf", signInToken(get("/login"))));
  }

  /** The CSRF token of the sign-in form, as a browser posts it back. */
  public static String signInToken(Response form) {
    Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page: " + form.body());
    }
    return csrf.group(1);
  }

  /** A cookie this browser holds. */
  public Optional<String> cookie(String name) {
    return cookies == null ? Optional.empty() : cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response form(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public Response send(String method, String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any bytes, with any content type (none when null): for requests no well-behaved client sends. */
  public Response send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (!headers.containsKey("Accept")) {
      builder.header("Accept", "application/json");
    }
    headers.forEach(builder::header);
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    public List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status() + "): " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return raw.request().method() + " " + raw.uri() + " -> " + status() + " " + raw.body();
    }
  }
}
