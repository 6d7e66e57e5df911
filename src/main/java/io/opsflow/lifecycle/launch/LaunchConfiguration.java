package io.opsflow.lifecycle.launch;

import static io.opsflow.security.ApiAccessRules.path;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

  /** All staff read launches in Cockpit and Tasklist; managers start them (Tasklist or the API). */
  @Bean
  ProcessParticipants serviceLaunchParticipants() {
    return new ProcessParticipants(Launches.PROCESS_KEY, Groups.STAFF, List.of(Groups.MANAGER));
  }

  @Bean
  TasklistColumn serviceLaunchColumn() {
    return new TasklistColumn(LaunchSteps.LAUNCH_KEY, "Launch", "首发");
  }

  /** Managers launch; every person reads a launch. */
  @Bean
  ApiAccessRules launchAccessRules() {
    return api -> {
      api.requestMatchers(path(HttpMethod.POST, "/api/services/*/launch")).hasAuthority(Authorities.group(Groups.MANAGER));
      api.requestMatchers(path(HttpMethod.GET, "/api/launches/*")).hasAuthority(Authorities.PERSON);
    };
  }
}
