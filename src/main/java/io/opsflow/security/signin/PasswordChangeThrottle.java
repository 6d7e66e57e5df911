package io.opsflow.security.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.security.Authorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda asks for the caller's current password before it changes a password
 * ({@code PUT .../user/{id}/credentials}, Admin's "change password"). That check passes the
 * sign-in throttle too: Camunda's own lock-out, which counted it, is off, and a stolen session must
 * not guess its owner's password at full speed.
 */
public class PasswordChangeThrottle extends OncePerRequestFilter {

  private static final Pattern CREDENTIALS = Pattern.compile(".*/user/[^/]+/credentials/?$");
  /** Camunda's answer (400) when the current password is wrong. */
  private static final String WRONG_PASSWORD = "The given authenticated user password is not valid.";

  private final SignInThrottle throttle;
  private final ProblemWriter problems;

  public PasswordChangeThrottle(SignInThrottle throttle, ProblemWriter problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equals(request.getMethod()) || !CREDENTIALS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication person = SecurityContextHolder.getContext().getAuthentication();
    if (!Authorities.isPerson(person)) {
      chain.doFilter(request, response);
      return;
    }
    SignInThrottle.Attempt attempt;
    try {
      attempt = throttle.begin(person.getName(), SignInClient.of(request));
    } catch (SignInThrottled paused) {
      paused.answer(problems, request, response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == HttpStatus.BAD_REQUEST.value()
        && new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8).contains(WRONG_PASSWORD)) {
      attempt.failed();
    }
    answer.copyBodyToResponse();
  }
}
