package io.opsflow.security.camunda;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Marks every cookie {@code Secure} when the request came over HTTPS, directly or through a
 * trusted reverse proxy (X-Forwarded-Proto, see {@code server.forward-headers-strategy}). Camunda's
 * webapps set their XSRF-TOKEN cookie as a raw header and can only mark it Secure always, which
 * would break plain-HTTP use; this decides per request. Over plain HTTP nothing changes.
 */
class SecureCookieFilter extends OncePerRequestFilter {

  private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
  }

  static String secure(String setCookie) {
    return SECURE.matcher(setCookie).find() ? setCookie : setCookie + "; Secure";
  }

  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, isSetCookie(name) && value != null ? secure(value) : value);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isSetCookie(name) && value != null ? secure(value) : value);
    }

    private static boolean isSetCookie(String name) {
      return HttpHeaders.SET_COOKIE.equalsIgnoreCase(name);
    }
  }
}
