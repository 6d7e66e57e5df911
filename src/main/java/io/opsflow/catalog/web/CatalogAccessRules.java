package io.opsflow.catalog.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/**
 * Every signed-in person reads the catalog; managers and administrators change it. Only
 * administrators move a lifecycle by hand: otherwise the launch and retirement processes move it.
 */
@Component
class CatalogAccessRules implements ApiAccessRules {

  @Override
  public void configure(org.springframework.security.config.annotation.web.configurers
      .AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    String[] editors = {Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN)};
    api.requestMatchers(path(HttpMethod.GET, "/api/services"), path(HttpMethod.GET, "/api/services/*"))
        .hasAuthority(Authorities.PERSON);
    api.requestMatchers(path(HttpMethod.POST, "/api/services")).hasAnyAuthority(editors);
    api.requestMatchers(path(HttpMethod.PUT, "/api/services/*")).hasAnyAuthority(editors);
    api.requestMatchers(path(HttpMethod.PUT, "/api/services/*/lifecycle")).hasAuthority(Authorities.group(Groups.ADMIN));
  }
}
