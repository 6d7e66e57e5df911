package io.opsflow.feedback.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

/**
 * Feedback comes from the service accounts of group {@code feedback} (the support desk, the app
 * backend) and from people (a support agent pasting a call's notes). Every signed-in person reads it:
 * users' opinions of a service are not secret inside the company, and those who act on them (dev,
 * ops, managers) are spread over all groups.
 */
@Component
class FeedbackAccessRules implements ApiAccessRules {

  @Override
  public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
    api.requestMatchers(path(HttpMethod.POST, "/api/feedback"), path(HttpMethod.POST, "/api/feedback/import"))
        .hasAnyAuthority(Authorities.PERSON, Authorities.group(Groups.FEEDBACK));
    api.requestMatchers(path(HttpMethod.GET, "/api/feedback"), path(HttpMethod.GET, "/api/feedback/insights"))
        .hasAuthority(Authorities.PERSON);
    // triages: people; which ones each may read is decided per service (ops, managers, the service's dev group)
    api.requestMatchers(path(HttpMethod.GET, "/api/feedback/triage"), path(HttpMethod.GET, "/api/feedback/triage/*"))
        .hasAuthority(Authorities.PERSON);
    api.requestMatchers(path(HttpMethod.POST, "/api/feedback/triage/run"))
        .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN));
  }
}
