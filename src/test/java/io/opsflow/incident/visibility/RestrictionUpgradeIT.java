package io.opsflow.incident.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.incident.Incidents;
import io.opsflow.incident.persistence.IncidentMapper;
import io.opsflow.security.Grants;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.security.Visibility;
import io.opsflow.support.IntegrationTest;

/**
 * An installation from before restricted incidents: dev and qa read every incident-response
 * instance through a grant on the whole process, and a security triage left its category only as
 * a process variable. The next start puts it in line with the rule.
 */
class RestrictionUpgradeIT extends IntegrationTest {

  @Autowired
  AuthorizationService authorizations;

  @Autowired
  List<ProcessParticipants> participants;

  @Autowired
  IncidentRestrictions restrictions;

  @Autowired
  Visibility visibility;

  @Autowired
  IncidentMapper mapper;

  @Test
  void aStartAfterTheUpgradeTakesTheWholeProcessGrantAwayAndRestrictsEarlierSecurityTriages() {
    String open = reportAndTriage("outage");
    String security = reportAndTriage("security");
    // as it was before: category only in the process, grants on the whole process, none per instance
    mapper.classify(open, null, false);
    mapper.classify(security, null, false);
    for (String group : List.of("dev", "qa")) {
      Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, Incidents.PROCESS_KEY,
          ProcessDefinitionPermissions.READ_INSTANCE);
      Grants.revoke(authorizations, group, Resources.PROCESS_INSTANCE, processInstanceId(open), Permissions.READ);
    }
    assertThat(readable("devon", security)).as("before the upgrade").isTrue();

    participants.stream().filter(process -> process.processKey().equals(Incidents.PROCESS_KEY))
        .forEach(process -> process.grant(authorizations));
    restrictions.storeCategoriesOfEarlierTriages();
    visibility.applyToRunningInstances();

    assertThat(authorizations.createAuthorizationQuery().groupIdIn("dev", "qa").resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(Incidents.PROCESS_KEY).list()).noneMatch(grant -> grant.isPermissionGranted(
            ProcessDefinitionPermissions.READ_INSTANCE));
    assertThat(readable("devon", open)).isTrue();
    assertThat(readable("quinn", open)).isTrue();
    assertThat(readable("devon", security)).isFalse();
    assertThat(readable("olivia", security)).isTrue();
    assertThat(as("devon").get("/api/incidents/" + security).status()).isEqualTo(404);
    assertThat(as("devon").get("/api/incidents/" + open).json().path("category").asText()).isEqualTo("outage");
  }

  private String reportAndTriage(String category) {
    String key = as("olivia").post("/api/incidents",
        "{\"service\":\"reporting\",\"title\":\"Before the upgrade\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    String process = processInstanceId(key);
    executeDueJobs(process);
    Task triage = processEngine.getTaskService().createTaskQuery().processInstanceId(process).singleResult();
    processEngine.getTaskService().claim(triage.getId(), "olivia");
    processEngine.getTaskService().complete(triage.getId(), Map.of("category", category, "diagnosisGroup", "ops"));
    return key;
  }

  private boolean readable(String user, String incident) {
    return as(user).get("/engine-rest/process-instance?maxResults=10&businessKey=" + incident).json().size() == 1;
  }
}
