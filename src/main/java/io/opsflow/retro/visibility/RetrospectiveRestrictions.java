package io.opsflow.retro.visibility;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.incident.IncidentRestrictionChanged;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.steps.RetrospectiveSteps;
import io.opsflow.security.RestrictedSubjects;
import io.opsflow.security.Visibility;

/** The retrospective of a restricted incident is restricted too, and follows the incident. */
@Component
class RetrospectiveRestrictions implements RestrictedSubjects {

  private final Retrospectives retrospectives;
  private final RuntimeService runtimeService;
  private final Visibility visibility;

  RetrospectiveRestrictions(Retrospectives retrospectives, RuntimeService runtimeService, Visibility visibility) {
    this.retrospectives = retrospectives;
    this.runtimeService = runtimeService;
    this.visibility = visibility;
  }

  @Override
  public List<String> processKeys() {
    return List.of(Retrospectives.PROCESS_KEY);
  }

  @Override
  public Set<String> restrictedAmong(Collection<String> businessKeys) {
    return retrospectives.restrictedAmong(businessKeys.stream()
        .filter(key -> key.startsWith(Retrospectives.KEY_PREFIX + "-")).toList());
  }

  /**
   * The incident's own retrospective follows it; any other that gathered it among its facts shows
   * them again, without it once it is restricted.
   */
  @EventListener
  void onIncidentRestrictionChanged(IncidentRestrictionChanged change) {
    retrospectives.bySubject(change.incidentKey()).flatMap(this::running)
        .ifPresent(instance -> visibility.apply(instance.getId(), change.restricted()));
    for (Retrospective retro : retrospectives.openNaming(change.incidentKey())) {
      running(retro).ifPresent(instance -> visibility.setVariable(instance.getId(), RetrospectiveSteps.FACTS,
          retrospectives.factsText(retro)));
    }
  }

  private Optional<ProcessInstance> running(Retrospective retro) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery().processDefinitionKey(Retrospectives.PROCESS_KEY)
        .processInstanceBusinessKey(retro.retroKey()).singleResult());
  }
}
