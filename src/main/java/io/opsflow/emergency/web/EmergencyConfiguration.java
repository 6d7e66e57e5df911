package io.opsflow.emergency.web;

import static io.opsflow.security.ApiAccessRules.path;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.emergency.steps.PlanVariables;
import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class EmergencyConfiguration {

  private final EmergencyPlans plans;
  private final AuthorizationService authorizations;

  EmergencyConfiguration(EmergencyPlans plans, AuthorizationService authorizations) {
    this.plans = plans;
    this.authorizations = authorizations;
  }

  /** People read plans and reports; managers and ops activate plans; managers (the commanders) abort them. */
  @Bean
  static ApiAccessRules emergencyAccessRules() {
    return api -> {
      api.requestMatchers(path(HttpMethod.POST, "/api/emergency-plans/*/activations"))
          .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.OPS));
      api.requestMatchers(path(HttpMethod.POST, "/api/emergency-plans/activations/*/abort"))
          .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN));
      api.requestMatchers(path(HttpMethod.GET, "/api/emergency-plans"), path(HttpMethod.GET, "/api/emergency-plans/**"))
          .hasAuthority(Authorities.PERSON);
    };
  }

  /** DRILL on the first row of every card of a drill's tasks. */
  @Bean
  @Order(TasklistColumn.URGENCY)
  static TasklistColumn drillColumn() {
    return new TasklistColumn(PlanVariables.DRILL_MARK, "Drill", "演练");
  }

  @Bean
  static TasklistColumn activationColumn() {
    return new TasklistColumn(PlanVariables.ACTIVATION_KEY, "Emergency plan", "应急预案");
  }

  /** Managers see scheduled drills in Tasklist; the daily check starts them, nobody by hand. */
  @Bean
  static ProcessParticipants drillParticipants() {
    return new ProcessParticipants(EmergencyPlans.DRILL_PROCESS, List.of(Groups.MANAGER), List.of());
  }

  /**
   * Every deployed plan, including ones a team added in Modeler: staff work on its steps and see
   * its facts in Tasklist (except those of an activation for a restricted incident); managers and
   * ops may start it there. Plan keys are known only once the plans are deployed, so these grants
   * are made when OpsFlow is ready, at every start.
   */
  @EventListener(ApplicationReadyEvent.class)
  void grantPlans() {
    plans.planKeys().forEach(key -> ProcessParticipants
        .restrictable(key, Groups.STAFF, List.of(Groups.MANAGER, Groups.OPS)).grant(authorizations));
  }
}
