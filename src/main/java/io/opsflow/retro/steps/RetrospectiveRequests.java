package io.opsflow.retro.steps;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeRetrospectiveRequested;
import io.opsflow.incident.IncidentRetrospectiveRequested;
import io.opsflow.lifecycle.LaunchRetrospectiveRequested;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.SubjectType;

/**
 * Starts post-launch-retrospective when incident-response, change-release or service-launch asks for one. The
 * listeners are synchronous: the retrospective starts inside the requesting step's transaction, and
 * a refusal fails that step.
 */
@Component
class RetrospectiveRequests {

  private final RuntimeService runtimeService;

  RetrospectiveRequests(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void onIncident(IncidentRetrospectiveRequested request) {
    start(SubjectType.INCIDENT, request.incidentKey());
  }

  @EventListener
  void onChange(ChangeRetrospectiveRequested request) {
    start(SubjectType.CHANGE, request.changeKey());
  }

  /** The launch's service over its hypercare period. */
  @EventListener
  void onLaunch(LaunchRetrospectiveRequested request) {
    runtimeService.createMessageCorrelation(Retrospectives.MESSAGE_REQUESTED)
        .setVariable(RetrospectiveSteps.SUBJECT_TYPE, SubjectType.LAUNCH.code())
        .setVariable(RetrospectiveSteps.SUBJECT_KEY, request.launchKey())
        .setVariable(RetrospectiveSteps.SERVICE, request.serviceKey())
        .setVariable(RetrospectiveSteps.WINDOW_START, Date.from(request.hypercareFrom()))
        .setVariable(RetrospectiveSteps.WINDOW_END, Date.from(request.hypercareTo()))
        .correlateStartMessage();
  }

  private void start(SubjectType subjectType, String subjectKey) {
    runtimeService.createMessageCorrelation(Retrospectives.MESSAGE_REQUESTED)
        .setVariable(RetrospectiveSteps.SUBJECT_TYPE, subjectType.code()).setVariable(RetrospectiveSteps.SUBJECT_KEY, subjectKey)
        .correlateStartMessage();
  }
}
