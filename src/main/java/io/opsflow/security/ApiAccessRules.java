package io.opsflow.security;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call which {@code /api} paths. Each module declares the rules for its own endpoints in a
 * bean of this type; any {@code /api} path that no rule names is refused.
 */
@FunctionalInterface
public interface ApiAccessRules {

  void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api);

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  static RequestMatcher[] paths(String... patterns) {
    return Arrays.stream(patterns).map(ApiAccessRules::path).toArray(RequestMatcher[]::new);
  }
}
