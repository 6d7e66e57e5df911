package io.opsflow.change.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.change.Change;
import io.opsflow.change.Changes;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.notify.NoticeEvent;

/**
 * Open incident for the failed deployment, linked both ways. A failed deployment counts like a
 * critical alert on the service: impact from its tier ({@code alert-impact}), urgency from
 * severity "critical" ({@code alert-urgency}). The service's people hear it ({@code change.deployment-failed}).
 * The roll-back is due when the incident must be resolved.
 */
@Component("openDeploymentIncident")
class OpenDeploymentIncident implements JavaDelegate {

  private final Changes changes;
  private final Incidents incidents;
  private final ServiceCatalog catalog;
  private final Decisions decisions;
  private final ChangeNotices notices;

  OpenDeploymentIncident(Changes changes, Incidents incidents, ServiceCatalog catalog, Decisions decisions,
      ChangeNotices notices) {
    this.notices = notices;
    this.changes = changes;
    this.incidents = incidents;
    this.catalog = catalog;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Change change = changes.get(ChangeVariables.changeKey(execution));
    Map<String, Object> tier = new HashMap<>();
    tier.put("serviceTier", catalog.get(change.serviceKey()).tier());
    String impact = (String) decisions.single("alert-impact", tier).get("impact");
    String urgency = (String) decisions.single("alert-urgency", Map.of("severity", "critical")).get("urgency");
    Incident incident = incidents.open(new IncidentReport(change.serviceKey(),
        changes.say("incident.title", "service", change.serviceKey(), "version", change.version(), "change",
            change.changeKey()),
        changes.say("incident.description", "change", change.changeKey(), "url", change.deploymentUrl()),
        impact, urgency, IncidentSource.CHANGE, change.changeKey()));
    incidents.addEntry(incident.incidentKey(), "change", "opsflow", incidents.say("timeline.change", "change",
        change.changeKey()));
    changes.linkIncident(change.changeKey(), incident.incidentKey());
    execution.setVariable(ChangeVariables.ROLL_BACK_DUE_AT, RollBackDeadline.of(incidents, incident.incidentKey()));
    Map<String, Object> facts = new HashMap<>();
    facts.put("reason", changes.say("notice.deployment-failed", "url", change.deploymentUrl(), "incident",
        incident.incidentKey()));
    notices.publish(NoticeEvent.CHANGE_DEPLOYMENT_FAILED, null, change, List.of(incident.onCallGroup()), facts, null);
  }
}
