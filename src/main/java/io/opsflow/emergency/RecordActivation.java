package io.opsflow.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.incident.Incidents;
import io.opsflow.platform.FormCheck;
import io.opsflow.platform.TaskActor;
import io.opsflow.security.Visibility;

/**
 * Record activation: the first step of every plan. Checks the contract's inputs (also when the
 * plan was started from Tasklist), numbers the activation and makes it the business key. An
 * activation for a restricted incident is restricted too (the variable {@code restricted} routes the
 * plan's dev and QA steps to the security team); any other is readable by all staff.
 */
@Component("recordPlanActivation")
class RecordActivation implements JavaDelegate {

  private final EmergencyPlans plans;
  private final ServiceCatalog catalog;
  private final Incidents incidents;
  private final Visibility visibility;

  RecordActivation(EmergencyPlans plans, ServiceCatalog catalog, Incidents incidents, Visibility visibility) {
    this.plans = plans;
    this.catalog = catalog;
    this.incidents = incidents;
    this.visibility = visibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = FormCheck.of("activate the plan");
    String service = check.text(execution, PlanVariables.SERVICE);
    Boolean drill = check.flag(execution, PlanVariables.DRILL);
    check.require(service != null, "service must name the affected service").orRefuse();
    boolean isDrill = Boolean.TRUE.equals(drill);
    String incidentKey = PlanVariables.string(execution, PlanVariables.INCIDENT_KEY);
    String by = PlanVariables.string(execution, PlanVariables.ACTIVATED_BY);
    String planKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    PlanActivation activation = plans.register(planKey, execution.getProcessInstanceId(), incidentKey, service, isDrill,
        by != null ? by : TaskActor.authenticated().orElse(incidentKey != null ? "incident-response" : "opsflow"));
    execution.setProcessBusinessKey(activation.activationKey());
    execution.setVariable(PlanVariables.ACTIVATION_KEY, activation.activationKey());
    execution.setVariable(PlanVariables.DRILL, isDrill);
    execution.setVariable(PlanVariables.INCIDENT_KEY, incidentKey == null ? "" : incidentKey);
    execution.setVariable(PlanVariables.OUTCOME, null);
    visibility.apply(execution.getProcessInstanceId(), incidents.restricted(incidentKey));
    execution.setVariable(PlanVariables.PLAN_FACTS, String.join("\n",
        (isDrill ? "DRILL: automated actions run dry. " : "") + activation.activationKey() + " of " + planKey,
        "Service: " + service + (catalog.find(service).isEmpty() ? " (not in the catalog)" : ""),
        "Incident: " + (incidentKey == null ? "none" : incidentKey)));
  }
}
