package io.opsflow.oncall.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/**
 * Every signed-in person sees who is on call and how escalation goes; managers and administrators
 * change schedules, overrides and policies. Contacts are open to every person here:
 * {@link ContactController} lets a person at their own only, managers and administrators at anyone's.
 */
@Component
class OnCallAccessRules implements ApiAccessRules {

  @Override
  public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    String[] editors = {Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN)};
    api.requestMatchers(
        path(HttpMethod.GET, "/api/oncall/now"),
        path(HttpMethod.GET, "/api/oncall/schedules"),
        path(HttpMethod.GET, "/api/oncall/schedules/*"),
        path(HttpMethod.GET, "/api/oncall/schedules/*/now"),
        path(HttpMethod.GET, "/api/oncall/schedules/*/shifts"),
        path(HttpMethod.GET, "/api/oncall/schedules/*/overrides"),
        path(HttpMethod.GET, "/api/oncall/escalation-policies"),
        path(HttpMethod.GET, "/api/oncall/escalation-policies/*/*"),
        path(HttpMethod.GET, "/api/oncall/escalation"))
        .hasAuthority(Authorities.PERSON);
    api.requestMatchers(
        path(HttpMethod.POST, "/api/oncall/schedules"),
        path(HttpMethod.PUT, "/api/oncall/schedules/*"),
        path(HttpMethod.DELETE, "/api/oncall/schedules/*"),
        path(HttpMethod.POST, "/api/oncall/schedules/*/overrides"),
        path(HttpMethod.DELETE, "/api/oncall/schedules/*/overrides/*"),
        path(HttpMethod.PUT, "/api/oncall/escalation-policies/*/*"),
        path(HttpMethod.DELETE, "/api/oncall/escalation-policies/*/*"))
        .hasAnyAuthority(editors);
    api.requestMatchers(path(HttpMethod.GET, "/api/people/*/contacts"), path(HttpMethod.PUT, "/api/people/*/contacts"))
        .hasAuthority(Authorities.PERSON);
  }
}
