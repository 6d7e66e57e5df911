package io.opsflow.incident.visibility;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.opsflow.incident.IncidentCategory;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.persistence.IncidentMapper;
import io.opsflow.incident.steps.IncidentVariables;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.security.RestrictedSubjects;
import io.opsflow.security.Visibility;

/** Which incidents are restricted: those of a restricted category, as stored with the incident. */
@Component
public class IncidentRestrictions implements RestrictedSubjects {

  private final Incidents incidents;
  private final IncidentMapper mapper;
  private final HistoryService historyService;
  private final Visibility visibility;

  IncidentRestrictions(Incidents incidents, IncidentMapper mapper, HistoryService historyService, Visibility visibility) {
    this.incidents = incidents;
    this.mapper = mapper;
    this.historyService = historyService;
    this.visibility = visibility;
  }

  @Override
  public List<String> processKeys() {
    return List.of(Incidents.PROCESS_KEY);
  }

  @Override
  public Set<String> restrictedAmong(Collection<String> businessKeys) {
    return incidents.restrictedAmong(businessKeys);
  }

  /**
   * Incidents triaged before OpsFlow stored the category kept it only as a process variable: it
   * is copied to the incident once, before the grants of running instances are put in line.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void storeCategoriesOfEarlierTriages() {
    for (String key : mapper.triagedWithoutCategory()) {
      historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Incidents.PROCESS_KEY)
          .processInstanceBusinessKey(key).list().stream()
          .map(HistoricProcessInstance::getId)
          .flatMap(id -> historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
              .variableName(IncidentVariables.CATEGORY).list().stream())
          .map(HistoricVariableInstance::getValue)
          .flatMap(value -> Codes.find(IncidentCategory.class, value instanceof String code ? code : null).stream())
          .findFirst()
          .ifPresent(category -> mapper.classify(key, category, visibility.restricts(category.code())));
    }
  }
}
