package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.text.Texts;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Api;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * Whatever the API and Tasklist accept is stored whole on MariaDB: Chinese, emoji and mixed
 * scripts in records and process variables, and texts larger than a process variable holds,
 * which live whole in OpsFlow's tables while the forms show them clipped with a pointer to the
 * whole text. Text too long for a variable is refused with a 400 before anything is saved.
 */
class TextStorageIT extends IntegrationTest {

  private static final String MIXED = "支付失败 💳🔥 Zahlung fällt aus — ошибка οἶνος 𝄞";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  Incidents incidents;

  @Autowired
  Changes changes;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  DataSource dataSource;

  @Test
  void everyTableAndTheConnectionSpeakUtf8mb4() throws Exception {
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
        + DATABASE + "' AND TABLE_COLLATION <> 'utf8mb4_bin'")).isZero();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
        + DATABASE + "' AND CHARACTER_SET_NAME <> 'utf8mb4'")).isZero();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM opsflow_dropped_foreign_key")).isZero();
    try (Connection connection = dataSource.getConnection();
        ResultSet session = connection.createStatement().executeQuery(
            "SELECT @@character_set_client, @@character_set_connection, @@collation_connection")) {
      session.next();
      assertThat(List.of(session.getString(1), session.getString(2), session.getString(3)))
          .containsExactly("utf8mb4", "utf8mb4", "utf8mb4_bin");
    }
  }

  @Test
  void chineseEmojiAndMixedScriptsAreStoredWholeInRecordsAndVariables() {
    Response reported = as("olivia").post("/api/incidents", json(Map.of("service", "payments-api", "title", MIXED,
        "description", MIXED + "\n" + MIXED, "impact", "low", "urgency", "low")));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String incidentKey = reported.json().path("incidentKey").asText();
    ProcessInstance incident = process(incidentKey);
    assertThat(as("olivia").get("/api/incidents/" + incidentKey).json().path("title").asText()).isEqualTo(MIXED);
    assertThat(reported.json().path("description").asText()).isEqualTo(MIXED + "\n" + MIXED);
    assertThat(variable(incident, "title")).isEqualTo(MIXED);
    assertThat(historicVariable(incident, "description")).isEqualTo(MIXED + "\n" + MIXED);

    Response requested = api().bearer("demo-ci-token").post("/api/changes", json(Map.of("service", "reporting",
        "version", "版本 1.0 🚀", "title", MIXED, "changeType", "normal", "tests", "passed", "hasDbMigration", false,
        "requestedBy", "olivia")));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    String changeKey = requested.json().path("changeKey").asText();
    assertThat(as("olivia").get("/api/changes/" + changeKey).json().path("title").asText()).isEqualTo(MIXED);
    assertThat(variable(process(changeKey), "title")).isEqualTo(MIXED);
    assertThat(variable(process(changeKey), "summary")).contains(MIXED).contains("版本 1.0 🚀");

    String fingerprint = "text" + Fixtures.uniqueSuffix();
    Response alerted = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", json(Map.of("version", "4",
        "status", "firing", "alerts", List.of(Map.of("status", "firing", "fingerprint", fingerprint,
            "labels", Map.of("alertname", "支付告警🔥", "service", "payments-api", "team", "支付 🚀 équipe"),
            "annotations", Map.of("summary", MIXED, "description", MIXED))))));
    assertThat(alerted.status()).as(alerted.toString()).isEqualTo(202);
    String alertIncident = alerted.json().path("opened").get(0).asText();
    JsonNode alert = as("olivia").get("/api/incidents/" + alertIncident).json().path("alerts").get(0);
    assertThat(alert.path("summary").asText()).isEqualTo(MIXED);
    assertThat(alert.path("alertName").asText()).isEqualTo("支付告警🔥");
    assertThat(alert.path("labels").path("team").asText()).isEqualTo("支付 🚀 équipe");
    assertThat(variable(process(alertIncident), "alertsSummary")).contains("支付告警🔥: " + MIXED);

    Api tasklist = api().signIn("olivia", "demo");
    runJob(incident, "Task_NotifyOnCall");
    assertThat(submitInTasklist(tasklist, incident, Map.of("diagnosisGroup", "ops", "category", "other",
        "major", false)).status()).isEqualTo(204);
    assertThat(submitInTasklist(tasklist, incident, Map.of("resolutionSummary", MIXED)).status()).isEqualTo(204);
    assertThat(as("olivia").get("/api/incidents/" + incidentKey).json().path("resolutionSummary").asText())
        .isEqualTo(MIXED);
    assertThat(historicVariable(incident, "resolutionSummary")).isEqualTo(MIXED);
  }

  @Test
  void aDescriptionOfTenThousandCharactersIsStoredWholeAndTheFormsShowItClipped() {
    String description = "支付🚀ab".repeat(1666) + "abcd";
    assertThat(description).hasSize(10_000);

    Response reported = as("olivia").post("/api/incidents", json(Map.of("service", "payments-api",
        "title", "Ten thousand characters", "description", description, "impact", "low", "urgency", "low")));

    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String key = reported.json().path("incidentKey").asText();
    assertThat(as("olivia").get("/api/incidents/" + key).json().path("description").asText()).isEqualTo(description);
    String shown = variable(process(key), "description");
    assertThat(shown).hasSizeLessThanOrEqualTo(Texts.VARIABLE_MAX)
        .startsWith(description.substring(0, 3000))
        .endsWith("(clipped; the whole text: GET /api/incidents/" + key + ")");
  }

  @Test
  void textLongerThanAVariableHoldsIsRefusedOnBothRestSurfacesAndSavesNothing() {
    String tooLong = "x".repeat(Texts.VARIABLE_MAX + 1);
    String key = as("olivia").post("/api/incidents", json(Map.of("service", "reporting", "title", "Refusals",
        "impact", "low", "urgency", "low"))).json().path("incidentKey").asText();
    ProcessInstance incident = process(key);
    runJob(incident, "Task_NotifyOnCall");
    Api tasklist = api().signIn("olivia", "demo");
    submitInTasklist(tasklist, incident, Map.of("diagnosisGroup", "ops", "category", "other", "major", false));
    long processes = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST");

    Response form = submitInTasklist(tasklist, incident, Map.of("resolutionSummary", tooLong));
    Response start = as("olivia").post("/engine-rest/process-definition/key/incident-response/start",
        json(Map.of("variables", Map.of("title", Map.of("value", "x"), "impact", Map.of("value", "low"),
            "urgency", Map.of("value", "low"), "description", Map.of("value", tooLong, "type", "String")))));
    Response put = api().basic("admin", "demo").put("/engine-rest/process-instance/" + incident.getId()
        + "/variables/note", json(Map.of("value", tooLong)));
    Response message = as("mia").post("/engine-rest/message", json(Map.of("messageName", "RetrospectiveRequested",
        "processVariables", Map.of("subjectType", Map.of("value", tooLong)))));

    for (Response refused : List.of(form, start, put, message)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("4001 characters long")
          .contains("at most " + Texts.VARIABLE_MAX);
    }
    assertThat(form.json().path("message").asText()).contains("'resolutionSummary'");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(incident.getId())
        .taskDefinitionKey("Task_DiagnoseMitigate").count()).as("the task is still open").isOne();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST")).isEqualTo(processes);
    assertThat(processEngine.getRuntimeService().getVariable(incident.getId(), "note")).isNull();
  }

  @Test
  void manyOpenChangesOnOneServiceNeverFailTheNextRequest() {
    String service = ("text-busy-" + "s".repeat(64)).substring(0, 64);
    ensureService(service, 2);
    // records only: what counts for conflicts is the open changes on the service
    List<String> open = transaction.execute(status -> IntStream.range(0, 60).mapToObj(i -> changes.register(
        new ChangeSubmission(service, ("1.0." + i + "-" + "r".repeat(100)).substring(0, 100), "Busy service",
            ChangeType.NORMAL, false, false, null, null, null, "olivia", "ci-bot", null, null)).changeKey()).toList());

    Response next = api().bearer("demo-ci-token").post("/api/changes", json(Map.of("service", service,
        "version", "2.0", "title", "The next one", "changeType", "normal", "tests", "passed", "hasDbMigration", false)));

    assertThat(next.status()).as(next.toString()).isEqualTo(201);
    String key = next.json().path("changeKey").asText();
    assertThat(as("olivia").get("/api/changes/" + key).json().path("conflicts").asText().lines())
        .hasSize(open.size()).allMatch(line -> open.contains(line.substring(0, line.indexOf(' '))));
    String shown = variable(process(key), "conflicts");
    assertThat(shown).hasSizeLessThanOrEqualTo(Texts.VARIABLE_MAX)
        .endsWith("(clipped; the whole text: GET /api/changes/" + key + ")");
  }

  @Test
  void aFreezeWindowOverFiftyLongServiceKeysIsStoredAndItsReasonReachesTheGate() {
    List<String> services = IntStream.range(0, 50)
        .mapToObj(i -> ("text-freeze-" + i + "-" + "k".repeat(64)).substring(0, 64)).toList();
    services.forEach(service -> ensureService(service, 3));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String reason = "冻结 ❄️ ".repeat(90).substring(0, 500);

    Response created = as("mia").post("/api/freeze-windows", json(Map.of("start", now.minusSeconds(3600).toString(),
        "end", now.plusSeconds(3600).toString(), "services", services, "reason", reason)));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("services").size()).isEqualTo(50);
    assertThat(created.json().path("reason").asText()).isEqualTo(reason);
    Response change = api().bearer("demo-ci-token").post("/api/changes", json(Map.of("service", services.get(49),
        "version", "1.0", "title", "Inside the freeze", "changeType", "standard", "tests", "passed",
        "hasDbMigration", false)));
    assertThat(change.status()).as(change.toString()).isEqualTo(201);
    JsonNode gate = change.json().path("gate");
    assertThat(gate.path("status").asText()).isEqualTo("rejected");
    assertThat(gate.path("reason").asText()).startsWith("Planned inside the freeze window").hasSizeLessThanOrEqualTo(2000);
  }

  @Test
  void aRetrospectiveOverMoreIncidentsThanAFormHoldsKeepsAllItsFacts() {
    ensureService("text-retro", 3);
    String title = "🔥".repeat(148);
    Instant now = Instant.now();
    // records only, no processes: the facts are about what happened on the service, a minute ago
    ClockUtil.setCurrentTime(Date.from(now.minusSeconds(60)));
    transaction.executeWithoutResult(status -> IntStream.range(100, 190).forEach(i -> incidents.register(
        new IncidentReport("text-retro", title + " " + i, null, "low", "low", IncidentSource.API, "olivia"))));
    ClockUtil.reset();

    Response created = as("mia").post("/api/retrospectives", json(Map.of("service", "text-retro",
        "from", now.minusSeconds(3600).toString(), "to", now.plusSeconds(3600).toString())));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("retrospective").path("retroKey").asText();
    JsonNode facts = as("olivia").get("/api/retrospectives/" + key).json().path("facts");
    assertThat(facts.path("incidents").size()).isEqualTo(90);
    assertThat(facts.path("incidents").get(0).path("title").asText()).startsWith(title);
    String shown = variable(process(key), "facts");
    assertThat(shown).hasSizeLessThanOrEqualTo(Texts.VARIABLE_MAX)
        .endsWith("(clipped; the whole text: GET /api/retrospectives/" + key + ")");
  }

  private void ensureService(String key, int tier) {
    if (catalog.find(key).isEmpty()) {
      catalog.create(new ServiceDraft(key, key, tier, "dev", "ops", List.of()));
    }
  }

  private ProcessInstance process(String businessKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  private String variable(ProcessInstance process, String name) {
    return (String) processEngine.getRuntimeService().getVariable(process.getId(), name);
  }

  private Object historicVariable(ProcessInstance process, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName(name).singleResult().getValue();
  }

  private void runJob(ProcessInstance process, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId(activityId).singleResult();
    processEngine.getManagementService().executeJob(job.getId());
  }

  /** Claims the process's open task and submits its form as Tasklist does. */
  private Response submitInTasklist(Api session, ProcessInstance process, Map<String, Object> values) {
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult()
        .getId();
    String engine = "/camunda/api/engine/engine/default/task/" + taskId;
    session.post(engine + "/claim", "{\"userId\":\"olivia\"}");
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return session.post(engine + "/submit-form", json(Map.of("variables", variables)));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
