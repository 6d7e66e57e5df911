package io.opsflow.notify.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/**
 * Managers and administrators set up channels and rules. The outbox's history is also open to ops:
 * the people on call need to see whether a page went out and what the vendor answered (it holds
 * titles and links, never targets or secrets).
 */
@Component
class NotifyAccessRules implements ApiAccessRules {

  @Override
  public void configure(org.springframework.security.config.annotation.web.configurers
      .AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    String[] editors = {Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN)};
    api.requestMatchers(path("/api/notification-channels"), path("/api/notification-channels/**"),
        path("/api/notification-rules"), path("/api/notification-rules/**")).hasAnyAuthority(editors);
    api.requestMatchers(path(HttpMethod.GET, "/api/notifications")).hasAnyAuthority(
        Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN), Authorities.group(Groups.OPS));
  }
}
