package io.opsflow.change.steps;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.Changes;
import io.opsflow.incident.IncidentOpened;

/**
 * An incident opened on a service interrupts the verification window of every change of that
 * service that is in one: ops then decide to roll back or keep. Runs in the incident's transaction.
 * A restricted (security) incident is not named on the change, which all staff read.
 */
@Component
class ServiceAlertListener {

  static final String MESSAGE_SERVICE_ALERTED = "ServiceAlerted";

  private final RuntimeService runtimeService;
  private final Changes changes;

  ServiceAlertListener(RuntimeService runtimeService, Changes changes) {
    this.runtimeService = runtimeService;
    this.changes = changes;
  }

  @EventListener
  void onIncident(IncidentOpened incident) {
    if (incident.serviceKey() == null) {
      return;
    }
    String variable = incident.restricted() ? changes.say("alert.restricted") : incident.incidentKey();
    for (MessageCorrelationResult result : runtimeService.createMessageCorrelation(MESSAGE_SERVICE_ALERTED)
        .processInstanceVariableEquals(ChangeVariables.SERVICE, incident.serviceKey())
        .setVariable(ChangeVariables.ALERT_INCIDENT, variable)
        .correlateAllWithResult()) {
      String changeKey = runtimeService.createProcessInstanceQuery()
          .processInstanceId(result.getExecution().getProcessInstanceId()).singleResult().getBusinessKey();
      changes.addEntry(changeKey, "alert", "opsflow", changes.say(incident.restricted() ? "timeline.alert.restricted"
          : "timeline.alert", "incident", incident.incidentKey(), "service", incident.serviceKey()));
    }
  }
}
