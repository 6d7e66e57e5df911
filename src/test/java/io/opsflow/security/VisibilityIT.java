package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.change.Changes;
import io.opsflow.retro.Retrospectives;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * Who reads a restricted (security) incident and what it starts, on every surface: the OpsFlow
 * API, /engine-rest (runtime and history), the webapps' engine API and Cockpit's own API. dev and
 * qa read neither the incident nor its emergency-plan activation nor its retrospective; ops,
 * managers, security and the administrator read them; an open incident stays readable by all
 * staff; triage turns one into the other, both ways.
 */
class VisibilityIT extends IntegrationTest {

  private static final String ENGINE = "/engine-rest";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  enum Reader {
    OPS("olivia"), DEV("devon"), QA("quinn"), MANAGER("mia"), SECURITY("sasha"), ADMIN("admin");

    final String user;

    Reader(String user) {
      this.user = user;
    }

    boolean seesRestricted() {
      return this != DEV && this != QA;
    }

    /** Managers and the administrator read Camunda's history and Cockpit; other staff do not. */
    boolean readsHistory() {
      return this == MANAGER || this == ADMIN;
    }
  }

  /** A restricted incident with an emergency-plan activation and a retrospective, and an open incident. */
  record Scenario(String incident, String incidentProcess, String activation, String activationProcess, String retro,
      String retroProcess, String openIncident, String openProcess) {

    List<String> restrictedKeys() {
      return List.of(incident, activation, retro);
    }

    List<String> restrictedProcesses() {
      return List.of(incidentProcess, activationProcess, retroProcess);
    }
  }

  private static Scenario scenario;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  Changes changes;

  @Autowired
  Retrospectives retrospectives;

  @Autowired
  Visibility visibility;

  @BeforeEach
  void restrictedIncidentWithWhatItStartedAndAnOpenIncident() {
    if (scenario != null) {
      return;
    }
    String incident = report("{\"service\":\"web-portal\",\"title\":\"Intrusion on web-portal\",\"impact\":\"low\","
        + "\"urgency\":\"low\",\"category\":\"security\"}");
    String incidentProcess = processInstanceId(incident);
    executeDueJobs(incidentProcess);
    // a Camunda incident (a failure Cockpit would show) on the restricted instance
    String triage = processEngine.getTaskService().createTaskQuery().processInstanceId(incidentProcess).singleResult()
        .getExecutionId();
    processEngine.getRuntimeService().createIncident("visibility-test", triage, "restricted");
    String activation = as("olivia").post("/api/emergency-plans/emergency-plan-security-incident/activations",
        "{\"service\":\"web-portal\",\"incidentKey\":\"" + incident + "\",\"drill\":false}").json()
        .path("activationKey").asText();
    processEngine.getRuntimeService().createMessageCorrelation(Retrospectives.MESSAGE_REQUESTED)
        .setVariable("subjectType", "incident").setVariable("subjectKey", incident).correlateStartMessage();
    String retro = retrospectives.bySubject(incident).orElseThrow().retroKey();
    String open = report("{\"service\":\"web-portal\",\"title\":\"Slow pages\",\"impact\":\"low\",\"urgency\":\"low\"}");
    String openProcess = processInstanceId(open);
    executeDueJobs(openProcess);
    scenario = new Scenario(incident, incidentProcess, activation, processInstanceId(activation), retro, processInstanceId(retro), open,
        openProcess);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void theApiAnswersNotFoundForRestrictedItemsAndListsLeaveThemOut(Reader reader) {
    Api api = as(reader);
    int found = reader.seesRestricted() ? 200 : 404;

    assertStatus(api.get("/api/incidents/" + scenario.incident()), found);
    assertStatus(api.get("/api/emergency-plans/activations/" + scenario.activation()), found);
    assertStatus(api.get("/api/emergency-plans/activations/" + scenario.activation() + "/report"), found);
    assertStatus(api.get("/api/retrospectives/" + scenario.retro()), found);
    assertStatus(api.withHeader("Accept", "text/markdown").get("/api/retrospectives/" + scenario.retro() + "/report"), found);
    assertThat(keys(api.get("/api/incidents?service=web-portal&limit=1000"), "incidentKey"))
        .contains(scenario.openIncident()).matches(keys -> keys.contains(scenario.incident()) == reader.seesRestricted());
    assertThat(keys(api.get("/api/retrospectives?service=web-portal"), "retroKey"))
        .matches(keys -> keys.contains(scenario.retro()) == reader.seesRestricted());
    assertStatus(api.get("/api/incidents/" + scenario.openIncident()), 200);
  }

  static Stream<Arguments> readersAndRestrictedProcesses() {
    List<Arguments> cases = new ArrayList<>();
    for (Reader reader : Reader.values()) {
      for (String what : List.of("incident", "plan activation", "retrospective")) {
        cases.add(Arguments.of(reader, what));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} reading the restricted {1}")
  @MethodSource("readersAndRestrictedProcesses")
  void engineRestAndTheWebappsShowRestrictedInstancesOnlyToThoseWhoReadThem(Reader reader, String what) {
    String id = switch (what) {
      case "incident" -> scenario.incidentProcess();
      case "plan activation" -> scenario.activationProcess();
      default -> scenario.retroProcess();
    };
    Api api = as(reader);
    boolean sees = reader.seesRestricted();

    assertStatus(api.get(ENGINE + "/process-instance/" + id), sees ? 200 : 404);
    assertStatus(api.get(ENGINE + "/process-instance/" + id + "/variables"), sees ? 200 : 403);
    assertStatus(api.get(ENGINE + "/process-instance/" + id + "/activity-instances"), sees ? 200 : 403);
    assertFound(api, ENGINE + "/process-instance?processInstanceIds=" + id, sees);
    assertFound(api, ENGINE + "/variable-instance?processInstanceIdIn=" + id, sees);
    assertFound(api, ENGINE + "/execution?processInstanceId=" + id, sees);
    // a plan waits for its commander's abort message (issue 10): it has a subscription too
    assertFound(api, ENGINE + "/event-subscription?processInstanceId=" + id, sees && !what.equals("retrospective"));
    assertFound(api, ENGINE + "/job?processInstanceId=" + id, sees && what.equals("incident"));
    assertFound(api, ENGINE + "/incident?processInstanceId=" + id, sees && what.equals("incident"));
    if (!sees) {
      assertFound(api, ENGINE + "/task?processInstanceId=" + id, false);
    }
    for (String history : List.of("process-instance?processInstanceId=", "variable-instance?processInstanceId=",
        "activity-instance?processInstanceId=", "task?processInstanceId=", "detail?processInstanceId=")) {
      assertFound(api, ENGINE + "/history/" + history + id, reader.readsHistory());
    }
    Api session = api().signIn(reader.user, "demo");
    assertStatus(session.get(WEBAPP_ENGINE + "/process-instance/" + id), sees ? 200 : 404);
    assertFound(session, WEBAPP_ENGINE + "/variable-instance?processInstanceIdIn=" + id, sees);
    assertStatus(session.get("/camunda/api/cockpit/plugin/base/default/process-instance/" + id
        + "/called-process-instances"), reader.readsHistory() ? 200 : 403);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void anOpenIncidentStaysReadableByAllStaff(Reader reader) {
    Api api = as(reader);
    String id = scenario.openProcess();

    assertStatus(api.get(ENGINE + "/process-instance/" + id), 200);
    assertThat(api.get(ENGINE + "/process-instance/" + id + "/variables").json().path("incidentKey").path("value").asText())
        .isEqualTo(scenario.openIncident());
    assertFound(api, ENGINE + "/variable-instance?processInstanceIdIn=" + id, true);
    assertFound(api, ENGINE + "/job?processInstanceId=" + id, true);
  }

  @Test
  void devAndQaAreOfferedNoTaskOfARestrictedProcess() {
    for (String id : scenario.restrictedProcesses()) {
      List<String> groups = new ArrayList<>();
      for (Task task : processEngine.getTaskService().createTaskQuery().processInstanceId(id).list()) {
        processEngine.getTaskService().getIdentityLinksForTask(task.getId())
            .forEach(link -> groups.add(link.getGroupId()));
      }
      assertThat(groups).as("candidate groups of the open tasks of %s", id).isNotEmpty().doesNotContain("dev", "qa");
    }
  }

  @Test
  void onlyThoseOfferedARestrictedIncidentsTaskReadOrWriteItsComments() {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(scenario.incidentProcess()).list()
        .get(0);
    processEngine.getTaskService().createComment(task.getId(), scenario.incidentProcess(), "入侵来源 10.0.0.7 🔐");
    String comments = ENGINE + "/task/" + task.getId() + "/comment";
    List<String> groups = processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(link -> link.getGroupId()).toList();
    String worker = groups.contains("ops") ? "olivia" : "sasha";

    for (String outsider : List.of("devon", "quinn")) {
      for (Response refused : List.of(as(outsider).get(comments),
          as(outsider).post(comments + "/create", "{\"message\":\"let me in\"}"))) {
        assertStatus(refused, 404);
        assertThat(refused.body()).doesNotContain("10.0.0.7");
      }
    }
    assertStatus(as(worker).post(comments + "/create", "{\"message\":\"已隔离\"}"), 200);
    assertThat(as(worker).get(comments).json().findValuesAsText("message")).contains("入侵来源 10.0.0.7 🔐", "已隔离");
  }

  @Test
  void triageRestrictsAnOpenIncidentAndOpensAnotherThatIsNoLongerAboutSecurity() {
    String becomesRestricted = report("{\"service\":\"reporting\",\"title\":\"Odd logins\",\"impact\":\"low\",\"urgency\":\"low\"}");
    String restrictedProcess = processInstanceId(becomesRestricted);
    executeDueJobs(restrictedProcess);
    String becomesOpen = report("{\"service\":\"reporting\",\"title\":\"Port scan?\",\"impact\":\"low\",\"urgency\":\"low\","
        + "\"category\":\"security\"}");
    String openProcess = processInstanceId(becomesOpen);
    executeDueJobs(openProcess);
    assertThat(readable("devon", restrictedProcess)).isTrue();
    assertThat(readable("devon", openProcess)).isFalse();

    triageThroughEngineRest("olivia", restrictedProcess, "security", "security");
    triageThroughEngineRest("sasha", openProcess, "outage", "ops");

    assertThat(readable("devon", restrictedProcess)).isFalse();
    assertThat(as("devon").get("/api/incidents/" + becomesRestricted).status()).isEqualTo(404);
    assertThat(readable("olivia", restrictedProcess)).isTrue();
    assertThat(readable("devon", openProcess)).isTrue();
    assertThat(readable("quinn", openProcess)).isTrue();
    assertThat(as("quinn").get("/api/incidents/" + becomesOpen).json().path("category").asText()).isEqualTo("outage");
  }

  @Test
  void restrictingAnInstanceWhileSomeoneActsTakesItsClaimedTasksFromDevToo() {
    String incident = report("{\"service\":\"reporting\",\"title\":\"Strange cron job\",\"impact\":\"low\","
        + "\"urgency\":\"low\"}");
    String process = processInstanceId(incident);
    executeDueJobs(process);
    triageThroughEngineRest("olivia", process, "other", "dev");
    String diagnosis = processEngine.getTaskService().createTaskQuery().processInstanceId(process)
        .taskDefinitionKey("Task_DiagnoseMitigate").singleResult().getId();
    assertStatus(as("devon").post(ENGINE + "/task/" + diagnosis + "/claim", "{\"userId\":\"devon\"}"), 204);

    // the person whose action restricts it holds no right to release devon's claim; OpsFlow does it
    processEngine.getIdentityService().setAuthentication("olivia", List.of("ops"));
    try {
      visibility.apply(process, true);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    Task task = processEngine.getTaskService().createTaskQuery().taskId(diagnosis).singleResult();
    assertThat(task.getAssignee()).isNull();
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(diagnosis).stream()
        .map(link -> link.getGroupId()).toList()).contains("security").doesNotContain("dev");
    assertThat(readable("devon", process)).isFalse();
  }

  @Test
  void aReporterWhoMayNotReadSecurityIncidentsGetsOnlyTheKeyOfTheirReport() {
    Response reported = as("devon").post("/api/incidents", "{\"service\":\"reporting\",\"title\":\"Phishing mail\","
        + "\"impact\":\"low\",\"urgency\":\"low\",\"category\":\"security\"}");

    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String key = reported.json().path("incidentKey").asText();
    assertThat(key).matches("INC-\\d{4}-\\d{4,}");
    assertThat(reported.json().path("restricted").asBoolean()).isTrue();
    assertThat(reported.json().has("title")).isFalse();
    assertThat(as("devon").get("/api/incidents/" + key).status()).isEqualTo(404);
    assertThat(as("sasha").get("/api/incidents/" + key).json().path("title").asText()).isEqualTo("Phishing mail");
    assertThat(as("devon").post("/api/incidents", "{\"title\":\"x\",\"impact\":\"low\",\"urgency\":\"low\","
        + "\"category\":\"espionage\"}").status()).isEqualTo(400);
  }

  @Test
  void nobodyStartsASecondProcessForARecordedIncidentToReadItsFacts() {
    Response started = as("devon").post(ENGINE + "/process-definition/key/incident-response/start", """
        {"variables":{"incidentKey":{"value":"%s"}},"withVariablesInReturn":true}""".formatted(scenario.incident()));

    assertThat(started.status()).as(started.toString()).isEqualTo(400);
    assertThat(started.body()).contains("has its process already").doesNotContain("Intrusion");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(scenario.incident()).count()).isOne();
  }

  @Test
  void aChangeDoesNotNameARestrictedIncidentToThoseWhoMayNotReadIt() {
    String change = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"web-portal","version":"7.1","title":"Visibility","changeType":"normal","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""").json().path("changeKey").asText();
    transaction.executeWithoutResult(status -> changes.linkIncident(change, scenario.incident()));

    JsonNode devView = as("devon").get("/api/changes/" + change).json();
    JsonNode managerView = as("mia").get("/api/changes/" + change).json();

    assertThat(devView.has("incidentKey")).isFalse();
    assertThat(devView.path("timeline").toString()).doesNotContain(scenario.incident());
    assertThat(keys(as("devon").get("/api/changes?service=web-portal&limit=1000"), "incidentKey"))
        .doesNotContain(scenario.incident());
    assertThat(managerView.path("incidentKey").asText()).isEqualTo(scenario.incident());
    assertThat(managerView.path("timeline").toString()).contains(scenario.incident());
  }

  // --- helpers

  private Api as(Reader reader) {
    return as(reader.user);
  }

  private String report(String body) {
    Response reported = as("olivia").post("/api/incidents", body);
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    return reported.json().path("incidentKey").asText();
  }


  private boolean readable(String user, String processInstanceId) {
    return as(user).get(ENGINE + "/process-instance?maxResults=10&processInstanceIds=" + processInstanceId).json().size() == 1;
  }

  private void triageThroughEngineRest(String user, String processInstanceId, String category, String diagnosisGroup) {
    String task = processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_AcknowledgeTriage").singleResult().getId();
    assertStatus(as(user).post(ENGINE + "/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}"), 204);
    assertStatus(as(user).post(ENGINE + "/task/" + task + "/complete", """
        {"variables":{"category":{"value":"%s"},"diagnosisGroup":{"value":"%s"}}}""".formatted(category, diagnosisGroup)),
        204);
  }

  private static void assertStatus(Response response, int expected) {
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
  }

  /** A query (bounded, as Camunda insists) that finds something, or nothing. */
  private static void assertFound(Api api, String path, boolean expected) {
    Response response = api.get(path + "&maxResults=100");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().size() > 0).as(response.toString()).isEqualTo(expected);
  }

  private static List<String> keys(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().findValuesAsText(field);
  }
}
