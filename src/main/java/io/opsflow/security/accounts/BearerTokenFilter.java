package io.opsflow.security.accounts;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.security.Authorities;
import io.opsflow.security.ServiceAccounts;
import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Authenticates service accounts that send {@code Authorization: Bearer <token>}. */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ServiceAccounts serviceAccounts;
  private final ProblemWriter problems;

  public BearerTokenFilter(ServiceAccounts serviceAccounts, ProblemWriter problems) {
    this.serviceAccounts = serviceAccounts;
    this.problems = problems;
  }

  public static Authentication authenticationOf(ServiceAccounts.Caller caller) {
    return UsernamePasswordAuthenticationToken.authenticated(
        caller.accountId(), null, Authorities.of(Authorities.SERVICE_ACCOUNT, caller.groups()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    var caller = serviceAccounts.authenticate(header.substring(BEARER.length()).strip());
    if (caller.isEmpty()) {
      SecurityContextHolder.clearContext();
      problems.write(response, HttpStatus.UNAUTHORIZED,
          "The bearer token is unknown or revoked. Ask an OpsFlow administrator for a new service account token.");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authenticationOf(caller.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
