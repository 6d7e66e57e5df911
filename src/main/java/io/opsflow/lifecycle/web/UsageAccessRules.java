package io.opsflow.lifecycle.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/**
 * Usage facts come from the analytics jobs' service accounts (group {@code analytics}) and from
 * people (an analyst pasting a day's export). Every signed-in person reads the reports.
 */
@Component
class UsageAccessRules implements ApiAccessRules {

  @Override
  public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    api.requestMatchers(path(HttpMethod.POST, "/api/usage"))
        .hasAnyAuthority(Authorities.PERSON, Authorities.group(Groups.ANALYTICS));
    api.requestMatchers(path(HttpMethod.GET, "/api/services/*/usage")).hasAuthority(Authorities.PERSON);
  }
}
