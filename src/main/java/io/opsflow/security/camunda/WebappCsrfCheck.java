package io.opsflow.security.camunda;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.opsflow.kernel.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks the webapps' CSRF token (the XSRF-TOKEN cookie, sent back in the X-XSRF-TOKEN header) on
 * every changing call, before Camunda's own filter does. Camunda's filter ends the whole session
 * when the token is missing or wrong, so any page could sign a person out with one forged
 * request; here a bad token is refused with 403 and the session stays.
 */
public class WebappCsrfCheck extends OncePerRequestFilter {

  static final String HEADER = "X-XSRF-TOKEN";
  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  private final ProblemWriter problems;

  WebappCsrfCheck(ProblemWriter problems) {
    this.problems = problems;
  }

  public static boolean carriesToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(HEADER);
    return session != null && header != null && !header.isBlank() && header.equals(session.getAttribute(SESSION_ATTRIBUTE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READING.contains(request.getMethod()) || carriesToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getHeader(HEADER) == null) {
      // Camunda's convention: the webapps then fetch a fresh token
      response.setHeader(HEADER, "Required");
    }
    problems.write(response, HttpStatus.FORBIDDEN, "The webapp's security token (X-XSRF-TOKEN) is missing or out of date. "
        + "Reload the page and try again; you are still signed in.");
  }
}
