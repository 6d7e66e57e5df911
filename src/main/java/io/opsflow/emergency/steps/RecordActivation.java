package io.opsflow.emergency.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.emergency.PlanActivation;
import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.process.TaskPriority;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.security.Visibility;

/**
 * Record activation: the first step of every plan. Checks the contract's inputs (also when the
 * plan was started from Tasklist or /engine-rest), numbers the activation and makes it the
 * business key. An activation for a restricted incident is restricted too (the variable
 * {@code restricted} routes the plan's dev and QA steps to the security team); any other is
 * readable by all staff. The plan's owner group hears of it ({@code plan.activated}).
 */
@Component("recordPlanActivation")
class RecordActivation implements JavaDelegate {

  /** Column sizes of plan_activation: a service may be one outside the catalog, named by an incident. */
  static final int MAX_SERVICE = 255;
  static final int MAX_ACTIVATED_BY = 64;

  private final EmergencyPlans plans;
  private final ServiceCatalog catalog;
  private final Incidents incidents;
  private final Visibility visibility;
  private final Notifications notifications;

  RecordActivation(EmergencyPlans plans, ServiceCatalog catalog, Incidents incidents, Visibility visibility,
      Notifications notifications) {
    this.notifications = notifications;
    this.plans = plans;
    this.catalog = catalog;
    this.incidents = incidents;
    this.visibility = visibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = FormCheck.of("activate the plan");
    String service = check.text(execution, PlanVariables.SERVICE, MAX_SERVICE);
    Boolean drill = check.flag(execution, PlanVariables.DRILL);
    String incidentKey = check.text(execution, PlanVariables.INCIDENT_KEY);
    String by = check.text(execution, PlanVariables.ACTIVATED_BY, MAX_ACTIVATED_BY);
    check.require(service != null, "service must name the affected service")
        .require(incidentKey == null || incidents.find(incidentKey).isPresent(), "incidentKey must name an incident")
        .orRefuse();
    boolean isDrill = Boolean.TRUE.equals(drill);
    String planKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    PlanActivation activation = plans.register(planKey, execution.getProcessInstanceId(), incidentKey, service, isDrill,
        // the person signed in, whatever a start over /engine-rest claims
        TaskActor.authenticated().orElse(by != null ? by : incidentKey != null ? "incident-response" : "opsflow"));
    execution.setProcessBusinessKey(activation.activationKey());
    execution.setVariable(PlanVariables.ACTIVATION_KEY, activation.activationKey());
    execution.setVariable(PlanVariables.DRILL, isDrill);
    execution.setVariable(PlanVariables.INCIDENT_KEY, incidentKey == null ? "" : incidentKey);
    urgency(execution, isDrill, incidentKey == null ? Optional.empty() : incidents.find(incidentKey));
    execution.setVariable(PlanVariables.OUTCOME, null);
    visibility.apply(execution.getProcessInstanceId(), incidents.restricted(incidentKey));
    execution.setVariable(PlanVariables.PLAN_FACTS, String.join("\n",
        plans.say("plan.facts.title", "drill", isDrill ? plans.say("plan.facts.drill") : null, "activation",
            activation.activationKey(), "plan", planKey),
        plans.say("plan.facts.service", "service", service, "unknown",
            catalog.find(service).isEmpty() ? plans.say("plan.facts.not-in-catalog") : null),
        plans.say("plan.facts.incident", "incident", incidentKey == null ? plans.say("plan.facts.no-incident")
            : incidentKey)));
    Map<String, Object> facts = new HashMap<>();
    facts.put("title", plans.plan(planKey).map(EmergencyPlans.Plan::name).orElse(planKey));
    facts.put("reason", isDrill ? plans.say("notice.drill") : incidentKey == null
        ? plans.say("notice.activated-by", "by", activation.startedBy())
        : plans.say("notice.incident", "incident", incidentKey));
    notifications.publish(Notice.of(NoticeEvent.PLAN_ACTIVATED.code() + ":" + activation.activationKey(),
        NoticeEvent.PLAN_ACTIVATED, activation.activationKey()).withService(service)
        .withGroups(plans.plan(planKey).map(plan -> List.of(plan.ownerGroup())).orElse(List.of()))
        .withFacts(facts).withLink(incidentKey == null ? null : "/api/incidents/" + incidentKey));
  }

  /**
   * The plan's tasks are as urgent as its incident and due when the incident must be resolved (a
   * plan without one: Camunda's normal priority, no due date); a drill's tasks carry the DRILL mark.
   */
  private static void urgency(DelegateExecution execution, boolean drill, Optional<Incident> incident) {
    Priority priority = incident.map(Incident::priority).orElse(null);
    execution.setVariable(TaskPriority.VARIABLE, priority == null ? TaskPriority.NORMAL : priority.taskPriority());
    execution.setVariable(PlanVariables.RESOLVE_DUE_AT,
        incident.map(Incident::resolveDueAt).map(Incidents::date).orElse(null));
    // Tasklist shows a variable that exists with no value as <Null> on the card: these exist only with one
    shownIf(execution, PlanVariables.PRIORITY, priority == null ? null : priority.code());
    shownIf(execution, PlanVariables.DRILL_MARK, drill ? PlanVariables.DRILL_MARK_TEXT : null);
  }

  private static void shownIf(DelegateExecution execution, String name, String value) {
    if (value == null) {
      execution.removeVariable(name);
    } else {
      execution.setVariable(name, value);
    }
  }
}
