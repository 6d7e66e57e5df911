package io.opsflow.emergency.steps;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.kernel.webhook.SignedWebhook;

/**
 * The action executor behind every automated plan step ({@code ${planAction}} with the input
 * parameter {@code action}): calls the action's configured webhook, signed; in a drill it only
 * records what it would have called. A failing call is retried by the engine (see the step's
 * retry cycle), then shows an incident in Cockpit. An action with no target is recorded as not
 * executed, so a real emergency is never stuck on configuration.
 */
@Component("planAction")
class PlanAction implements JavaDelegate {

  private final EmergencyPlans plans;
  private final EmergencyProperties properties;
  private final SignedWebhook webhook;

  PlanAction(EmergencyPlans plans, EmergencyProperties properties, SignedWebhook webhook) {
    this.plans = plans;
    this.properties = properties;
    this.webhook = webhook;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String action = PlanVariables.string(execution, PlanVariables.ACTION);
    String activation = PlanVariables.string(execution, PlanVariables.ACTIVATION_KEY);
    String step = execution.getCurrentActivityName();
    SignedWebhook.Target target = properties.actions().get(action);
    if (target == null || !target.configured()) {
      plans.log(activation, step, "action", "opsflow", "NOT EXECUTED: no target is configured for action '" + action
          + "' (opsflow.emergency.actions." + action + ".url)");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "emergency.action");
    body.put("action", action);
    body.put("activationKey", activation);
    body.put("service", PlanVariables.string(execution, PlanVariables.SERVICE));
    body.put("incidentKey", PlanVariables.string(execution, PlanVariables.INCIDENT_KEY));
    if (PlanVariables.drill(execution)) {
      plans.log(activation, step, "dry-run", "opsflow", "Drill: would POST action '" + action + "' to " + target.url());
      return;
    }
    int status = webhook.post(target, "emergency.action", activation + ":" + action, body);
    plans.log(activation, step, "action", "opsflow", "Action '" + action + "' called " + target.url() + ": HTTP " + status);
  }
}
