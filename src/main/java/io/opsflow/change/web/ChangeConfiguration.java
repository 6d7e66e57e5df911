package io.opsflow.change.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import io.opsflow.change.Changes;
import io.opsflow.change.steps.ChangeVariables;
import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class ChangeConfiguration {

  /** CI pipelines and people use the change API; managers own freeze windows. */
  @Bean
  ApiAccessRules changeAccessRules() {
    return api -> {
      String[] pipelinesAndPeople = {Authorities.PERSON, Authorities.group(Groups.CI)};
      api.requestMatchers(path(HttpMethod.POST, "/api/changes"), path(HttpMethod.GET, "/api/changes"),
          path(HttpMethod.GET, "/api/changes/*"), path(HttpMethod.GET, "/api/changes/*/gate"),
          path(HttpMethod.GET, "/api/changes/*/report"),
          path(HttpMethod.POST, "/api/changes/*/deployment")).hasAnyAuthority(pipelinesAndPeople);
      api.requestMatchers(path("/api/freeze-windows"), path("/api/freeze-windows/*"))
          .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN));
    };
  }

  /** Staff request changes in Tasklist and see each change's facts next to its tasks. */
  @Bean
  ProcessParticipants changeParticipants() {
    return new ProcessParticipants(Changes.PROCESS_KEY, Groups.STAFF);
  }

  /** How urgent a change's task is: its risk on the card's first row. */
  @Bean
  @Order(TasklistColumn.URGENCY)
  TasklistColumn riskColumn() {
    return new TasklistColumn(ChangeVariables.RISK, "Risk", "风险");
  }

  @Bean
  TasklistColumn changeKeyColumn() {
    return new TasklistColumn(ChangeVariables.CHANGE_KEY, "Change", "变更");
  }

  @Bean
  TasklistColumn versionColumn() {
    return new TasklistColumn(ChangeVariables.VERSION, "Version", "版本");
  }
}
