package io.opsflow.retro.web;

import static io.opsflow.security.ApiAccessRules.path;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.steps.RetrospectiveSteps;
import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class RetrospectiveConfiguration {

  /** People read retrospectives and reports; managers start one by hand. */
  @Bean
  ApiAccessRules retrospectiveAccessRules() {
    return api -> {
      api.requestMatchers(path(HttpMethod.POST, "/api/retrospectives"))
          .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN));
      api.requestMatchers(path(HttpMethod.GET, "/api/retrospectives"), path(HttpMethod.GET, "/api/retrospectives/**"))
          .hasAuthority(Authorities.PERSON);
    };
  }

  @Bean
  ProcessParticipants retrospectiveParticipants() {
    // staff work on retrospectives (except those of restricted incidents); only managers start one by hand
    return ProcessParticipants.restrictable(Retrospectives.PROCESS_KEY, Groups.STAFF, List.of(Groups.MANAGER));
  }

  @Bean
  TasklistColumn retrospectiveColumn() {
    return new TasklistColumn(RetrospectiveSteps.RETRO_KEY, "Retrospective", "复盘");
  }
}
