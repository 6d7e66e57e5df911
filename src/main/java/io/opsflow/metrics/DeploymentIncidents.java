package io.opsflow.metrics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeClosed;
import io.opsflow.change.DeploymentReported;
import io.opsflow.incident.IncidentOpened;
import io.opsflow.metrics.persistence.DeploymentIncidentMapper;

/**
 * Records which incidents opened in a deployment's verification window when those facts are written,
 * in the same transaction (the events are published inside it), so the delivery figures read the link
 * instead of searching each deployment's window: when an incident opens (the deployments whose window
 * it falls in), when a deployment is reported (incidents already open in its window: a report that
 * arrives late), and when its change closes, after the window, which links what two concurrent
 * transactions could not see of each other. Linking is idempotent; a rolled-back fact takes its link
 * with it.
 */
@Component
class DeploymentIncidents {

  private final DeploymentIncidentMapper links;

  DeploymentIncidents(DeploymentIncidentMapper links) {
    this.links = links;
  }

  @EventListener
  void on(IncidentOpened opened) {
    if (opened.serviceKey() != null) {
      links.linkIncident(opened.incidentKey());
    }
  }

  @EventListener
  void on(DeploymentReported reported) {
    links.linkDeployment(reported.changeKey());
  }

  @EventListener
  void on(ChangeClosed closed) {
    if (closed.deployedAt() != null) {
      links.linkDeployment(closed.changeKey());
    }
  }
}
