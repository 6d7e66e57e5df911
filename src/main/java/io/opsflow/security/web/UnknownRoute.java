package io.opsflow.security.web;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request no controller route answers, in any method: Spring MVC will say 404, so the security
 * rules need not refuse it with 403 (which told a caller "this exists, not for you"). A route that
 * exists for another method, or that cannot be told, counts as known: it stays refused unless a rule
 * names it.
 */
final class UnknownRoute implements RequestMatcher {

  private final HandlerMapping routes;

  UnknownRoute(HandlerMapping routes) {
    this.routes = routes;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    // the security filters run before the DispatcherServlet parses the path: parse it here, and leave no trace
    Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
    Object[] attributes = {request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
        request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE)};
    try {
      ServletRequestPathUtils.parseAndCache(request);
      return routes.getHandler(request) == null;
    } catch (Exception knownOtherwise) {
      return false;
    } finally {
      request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
      request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, attributes[0]);
      request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, attributes[1]);
      request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, attributes[2]);
    }
  }
}
