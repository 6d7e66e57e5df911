package io.opsflow.incident.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.opsflow.incident.Incidents;
import io.opsflow.incident.intake.AlertProperties;
import io.opsflow.incident.intake.AlertmanagerController;
import io.opsflow.incident.steps.IncidentVariables;
import io.opsflow.kernel.web.ApiBodyLimit;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

  /**
   * Every member of staff may report an incident in Tasklist and see incidents' facts next to tasks,
   * except those of restricted incidents.
   */
  @Bean
  ProcessParticipants incidentParticipants() {
    return ProcessParticipants.restrictable(Incidents.PROCESS_KEY, Groups.STAFF, Groups.STAFF);
  }

  @Bean
  ApiBodyLimit alertmanagerBodyLimit(AlertProperties alerts) {
    return new ApiBodyLimit(AlertmanagerController.PATH, alerts.maxBodySize());
  }

  @Bean
  TasklistColumn incidentKeyColumn() {
    return new TasklistColumn(IncidentVariables.INCIDENT_KEY, "Incident", "事件");
  }

  @Bean
  TasklistColumn serviceColumn() {
    return new TasklistColumn(IncidentVariables.SERVICE, "Service", "服务");
  }

  /** P1…P4 on the card's first row, also on an emergency plan's tasks for the incident. */
  @Bean
  @Order(TasklistColumn.URGENCY)
  TasklistColumn priorityColumn() {
    return new TasklistColumn(IncidentVariables.PRIORITY, "Priority", "优先级");
  }

  /** Next to the priority: "Resolution overdue", "确认已升级" … when the work is late (none on time). */
  @Bean
  @Order(TasklistColumn.URGENCY + 1)
  TasklistColumn slaStateColumn() {
    return new TasklistColumn(IncidentVariables.SLA_STATE, "SLA");
  }

}
