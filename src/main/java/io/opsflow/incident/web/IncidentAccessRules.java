package io.opsflow.incident.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/** Monitoring sends alerts and reports incidents; people report and read incidents. */
@Component
class IncidentAccessRules implements ApiAccessRules {

  @Override
  public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    String monitoring = Authorities.group(Groups.MONITORING);
    api.requestMatchers(path(HttpMethod.POST, "/api/alerts/alertmanager")).hasAuthority(monitoring);
    api.requestMatchers(path(HttpMethod.POST, "/api/incidents")).hasAnyAuthority(Authorities.PERSON, monitoring);
    api.requestMatchers(path(HttpMethod.GET, "/api/incidents"), path(HttpMethod.GET, "/api/incidents/*"),
            path(HttpMethod.GET, "/api/incidents/*/report"))
        .hasAuthority(Authorities.PERSON);
  }
}
