package io.opsflow.metrics.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;

/**
 * The figures are for people; which services a person's figures cover is decided per request
 * ({@link MetricsController}): managers and administrators all, others their groups' services.
 * Machines read the figures from Prometheus.
 */
@Component
class MetricsAccessRules implements ApiAccessRules {

  @Override
  public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    api.requestMatchers(path(HttpMethod.GET, "/api/metrics/*")).hasAuthority(Authorities.PERSON);
  }
}
