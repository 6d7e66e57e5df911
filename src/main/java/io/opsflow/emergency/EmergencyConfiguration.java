package io.opsflow.emergency;

import static io.opsflow.security.ApiAccessRules.path;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;

import io.opsflow.platform.TasklistColumn;
import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Grants;
import io.opsflow.security.Groups;

@Configuration(proxyBeanMethods = false)
class EmergencyConfiguration {

  private final EmergencyPlans plans;
  private final AuthorizationService authorizations;

  EmergencyConfiguration(EmergencyPlans plans, AuthorizationService authorizations) {
    this.plans = plans;
    this.authorizations = authorizations;
  }

  /** People read plans and reports; managers and ops activate plans. */
  @Bean
  static ApiAccessRules emergencyAccessRules() {
    return api -> {
      api.requestMatchers(path(HttpMethod.POST, "/api/emergency-plans/*/activations"))
          .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.OPS));
      api.requestMatchers(path(HttpMethod.GET, "/api/emergency-plans"), path(HttpMethod.GET, "/api/emergency-plans/**"))
          .hasAuthority(Authorities.PERSON);
    };
  }

  @Bean
  static TasklistColumn activationColumn() {
    return new TasklistColumn(PlanVariables.ACTIVATION_KEY, "Emergency plan");
  }

  /**
   * Every deployed plan, including ones a team added in Modeler: staff work on its steps and see
   * its facts in Tasklist; managers and ops may start it there. Made at every start.
   */
  @EventListener(ApplicationReadyEvent.class)
  void grantPlans() {
    for (EmergencyPlans.Plan plan : plans.plans()) {
      for (String group : Groups.STAFF) {
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, plan.key(), ProcessDefinitionPermissions.READ_INSTANCE);
      }
      for (String group : new String[] {Groups.MANAGER, Groups.OPS}) {
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, plan.key(), ProcessDefinitionPermissions.CREATE_INSTANCE);
        Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
    Grants.grant(authorizations, Groups.MANAGER, Resources.PROCESS_DEFINITION, EmergencyPlans.DRILL_PROCESS,
        ProcessDefinitionPermissions.READ_INSTANCE);
  }
}
