package io.opsflow.security.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API stays stateless for machines, but a signed-in person's own pages (the dashboard) and the
 * API links they follow read it with the one sign-in session. Reads only: the API has no CSRF token,
 * so a session never changes anything there (another site could make the browser send it). It never
 * creates or writes a session; what Basic or Bearer authenticates lives for the request alone.
 */
final class SessionReads implements SecurityContextRepository {

  /** Only {@code /api}: the engine's REST API and the actuator stay for Basic and Bearer callers. */
  private static final RequestMatcher READS = new OrRequestMatcher(
      path(HttpMethod.GET, "/api/**"), path(HttpMethod.HEAD, "/api/**"));

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
  private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();

  SessionReads() {
    sessions.setAllowSessionCreation(false);
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    return reads(request) ? sessions.loadDeferredContext(request) : perRequest.loadDeferredContext(request);
  }

  /** @deprecated as in {@link SecurityContextRepository}; Spring Security calls {@link #loadDeferredContext}. */
  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    perRequest.saveContext(context, request, response);
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return perRequest.containsContext(request) || reads(request) && sessions.containsContext(request);
  }

  private static boolean reads(HttpServletRequest request) {
    return READS.matches(request);
  }
}
