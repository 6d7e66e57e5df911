package io.opsflow.lifecycle.retirement;

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
class RetirementConfiguration {

  /** Managers retire services; every signed-in person reads a retirement's record. */
  @Bean
  ApiAccessRules retirementAccessRules() {
    return api -> {
      api.requestMatchers(path(HttpMethod.POST, "/api/services/*/retirement"))
          .hasAuthority(Authorities.group(Groups.MANAGER));
      api.requestMatchers(path(HttpMethod.GET, "/api/retirements/*")).hasAuthority(Authorities.PERSON);
    };
  }

  /** Ops, dev, QA and managers work on retirements; managers start them in Tasklist. */
  @Bean
  ProcessParticipants serviceRetirementParticipants() {
    return new ProcessParticipants(Retirements.PROCESS_KEY, List.of(Groups.OPS, Groups.DEV, Groups.QA, Groups.MANAGER),
        List.of(Groups.MANAGER));
  }

  @Bean
  TasklistColumn serviceRetirementColumn() {
    return new TasklistColumn(RetirementVariables.RETIREMENT_KEY, "Retirement", "下线");
  }
}
