package io.opsflow.security.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A random id a browser gets when someone signs in with the form. It proves nothing by itself; it
 * only lets the sign-in throttle recognise a browser that signed in as an account before, so that
 * an attack on the account from elsewhere does not keep its owner out. OpsFlow stores only a hash.
 */
public final class DeviceCookie {

  static final String NAME = "OPSFLOW_DEVICE";
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private DeviceCookie() {
  }

  static Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> NAME.equals(cookie.getName()) && cookie.getValue() != null && VALUE.matcher(cookie.getValue()).matches())
        .map(Cookie::getValue)
        .findFirst();
  }

  /** Keeps the browser's id (or gives it one) for another {@code lifetime}; returns it. */
  static String issue(HttpServletRequest request, HttpServletResponse response, Duration lifetime) {
    String device = read(request).orElseGet(DeviceCookie::newId);
    ResponseCookie cookie = ResponseCookie.from(NAME, device)
        .path(request.getContextPath() + "/login")
        .maxAge(lifetime)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    return device;
  }

  /** How the throttle names the device: a hash, so the table holds nothing a browser could replay. */
  static String client(String device) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(device.getBytes(StandardCharsets.US_ASCII));
      return "device:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
