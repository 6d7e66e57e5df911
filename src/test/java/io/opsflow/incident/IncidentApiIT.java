package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/** The intake and incident API as Alertmanager, CI and people use it. */
class IncidentApiIT extends IntegrationTest {

  private static final String WEBHOOK = "/api/alerts/alertmanager";

  @Test
  void webhookOpensOneIncidentPerDistinctAlertAndARepeatOpensNothing() {
    String suffix = Fixtures.uniqueSuffix();
    String body = Fixtures.alertmanager("firing-two-alerts", suffix);

    Response first = alertmanager().post(WEBHOOK, body);
    Response repeat = api().basic("alertmanager", "demo-alert-token").post(WEBHOOK, body);

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(first.json().path("opened").size()).isEqualTo(2);
    assertThat(repeat.status()).isEqualTo(202);
    assertThat(repeat.json().path("opened").size()).isZero();
    assertThat(repeat.json().path("updated").toString()).isEqualTo(first.json().path("opened").toString());

    JsonNode payments = incidentWithFingerprint(first, Fixtures.PAYMENTS_FINGERPRINT + suffix);
    assertThat(payments.path("serviceKey").asText()).isEqualTo("payments-api");
    assertThat(payments.path("impact").asText()).as("tier 1").isEqualTo("high");
    assertThat(payments.path("urgency").asText()).as("severity critical").isEqualTo("high");
    assertThat(payments.path("priority").asText()).isEqualTo("P1");
    assertThat(payments.path("title").asText()).isEqualTo("5xx rate above 5% on payments-api");
    JsonNode alert = payments.path("alerts").get(0);
    assertThat(alert.path("occurrences").asInt()).isEqualTo(2);
    assertThat(alert.path("labels").path("instance").asText()).isEqualTo("pay-1:8080");
    assertThat(alert.path("status").asText()).isEqualTo("firing");

    JsonNode portal = incidentWithFingerprint(first, Fixtures.PORTAL_FINGERPRINT + suffix);
    assertThat(portal.path("priority").asText()).as("tier 2, warning: medium/medium").isEqualTo("P3");
  }

  @Test
  void resolvedAlertIsRecordedAndOnCallIsAskedToConfirmClosure() {
    String suffix = Fixtures.uniqueSuffix();
    Response opened = alertmanager().post(WEBHOOK, Fixtures.alertmanager("firing-two-alerts", suffix));
    String paymentsKey = incidentWithFingerprint(opened, Fixtures.PAYMENTS_FINGERPRINT + suffix).path("incidentKey").asText();

    Response resolved = alertmanager().post(WEBHOOK, Fixtures.alertmanager("resolved-payments", suffix));

    assertThat(resolved.status()).isEqualTo(202);
    assertThat(resolved.json().path("updated").toString()).isEqualTo("[\"" + paymentsKey + "\"]");
    JsonNode incident = as("olivia").get("/api/incidents/" + paymentsKey).json();
    assertThat(incident.path("state").asText()).as("does not close itself").isEqualTo("open");
    assertThat(incident.path("alerts").get(0).path("status").asText()).isEqualTo("resolved");
    assertThat(incident.path("alerts").get(0).path("endsAt").asText()).isEqualTo("2026-11-20T08:41:00Z");
    assertThat(kinds(incident)).contains("alert-resolved", "alerts-resolved");
    String processId = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(paymentsKey).singleResult().getId();
    Task confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(processId)
        .taskDefinitionKey("Task_ConfirmClosure").singleResult();
    assertThat(confirm).isNotNull();
    assertThat(String.valueOf(processEngine.getRuntimeService().getVariable(processId, "alertsSummary")))
        .startsWith("RESOLVED HighErrorRate");

    Response again = alertmanager().post(WEBHOOK, Fixtures.alertmanager("resolved-payments", suffix));
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(processId)
        .taskDefinitionKey("Task_ConfirmClosure").count()).as("asked once").isOne();
    assertThat(again.status()).isEqualTo(202);
  }

  @Test
  void resolvedAlertWithoutAnOpenIncidentIsIgnored() {
    Response response = alertmanager().post(WEBHOOK, Fixtures.alertmanager("resolved-payments", Fixtures.uniqueSuffix()));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().path("opened").size()).isZero();
    assertThat(response.json().path("ignored").get(0).path("reason").asText()).isEqualTo("no open incident has this alert");
  }

  @Test
  void alertWithoutServiceOpensAnIncidentForOpsMarkedUnknown() {
    Response response = alertmanager().post(WEBHOOK, Fixtures.alertmanager("unknown-service", Fixtures.uniqueSuffix()));

    String key = response.json().path("opened").get(0).asText();
    JsonNode incident = as("olivia").get("/api/incidents/" + key).json();
    assertThat(incident.path("unknownService").asBoolean()).isTrue();
    assertThat(incident.path("onCallGroup").asText()).isEqualTo("ops");
    assertThat(incident.path("serviceKey").isMissingNode()).isTrue();
    assertThat(kinds(incident)).contains("opened");
    assertThat(incident.path("timeline").get(0).path("message").asText()).contains("not in the catalog");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON        | {"version":"4","alerts":[                                         | not valid JSON
      no alerts             | {"version":"4","status":"firing","alerts":[]}                      | no alerts
      alerts missing        | {"version":"4","status":"firing"}                                  | no alerts
      old version           | {"version":"3","alerts":[{"status":"firing","labels":{},"fingerprint":"a"}]} | version 4
      alerts not a list     | {"version":"4","alerts":"many"}                                    | alerts
      labels not an object  | {"version":"4","alerts":[{"status":"firing","labels":["a"],"fingerprint":"a"}]} | labels
      bad status            | {"version":"4","alerts":[{"status":"pending","labels":{},"fingerprint":"a"}]} | status must be firing or resolved
      missing fingerprint   | {"version":"4","alerts":[{"status":"firing","labels":{}}]}         | fingerprint
      one bad among good    | {"version":"4","alerts":[{"status":"firing","labels":{"service":"reporting"},"fingerprint":"good-one"},{"status":"firing","labels":{}}]} | alerts[1].fingerprint
      startsAt not a time   | {"version":"4","alerts":[{"status":"firing","labels":{},"fingerprint":"a","startsAt":"yesterday"}]} | startsAt
      """)
  void badWebhookIsRefusedWithAProblemAndWritesNothing(String name, String body, String message) {
    long incidents = rows("incident");

    Response response = alertmanager().post(WEBHOOK, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(rows("incident")).isEqualTo(incidents);
  }

  @Test
  void webhookOverItsOwnLimitIsRefused() {
    long incidents = rows("incident");
    String padding = "x".repeat(17_000_000);
    String body = Fixtures.alertmanager("firing-two-alerts", Fixtures.uniqueSuffix())
        .replace("\"receiver\": \"opsflow\"", "\"receiver\": \"" + padding + "\"");

    Response response = alertmanager().post(WEBHOOK, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("larger than");
    assertThat(rows("incident")).isEqualTo(incidents);
  }

  @Test
  void onlyMonitoringAccountsMaySendAlerts() {
    String body = Fixtures.alertmanager("unknown-service", Fixtures.uniqueSuffix());
    long incidents = rows("incident");

    assertThat(api().anonymous().post(WEBHOOK, body).status()).isEqualTo(401);
    assertThat(api().bearer("wrong-token").post(WEBHOOK, body).status()).isEqualTo(401);
    assertThat(api().basic("alertmanager", "wrong-token").post(WEBHOOK, body).status()).isEqualTo(401);
    assertThat(api().bearer("demo-ci-token").post(WEBHOOK, body).status()).isEqualTo(403);
    assertThat(as("olivia").post(WEBHOOK, body).status()).isEqualTo(403);
    assertThat(rows("incident")).isEqualTo(incidents);
  }

  @Test
  void peopleAndMonitoringReportIncidentsAndADedupKeyOpensOnlyOne() {
    String dedupKey = "checkout-latency" + Fixtures.uniqueSuffix();
    String body = """
        {"service":"payments-api","title":"Checkout slow","description":"p99 above 3 s","impact":"high",
         "urgency":"medium","dedupKey":"%s"}""".formatted(dedupKey);

    Response first = as("olivia").post("/api/incidents", body);
    Response repeat = alertmanager().post("/api/incidents", body);
    Response plain = alertmanager().post("/api/incidents",
        "{\"title\":\"Disk full on batch-7\",\"impact\":\"low\",\"urgency\":\"high\"}");

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String key = first.json().path("incidentKey").asText();
    assertThat(first.header("Location")).endsWith("/api/incidents/" + key);
    assertThat(first.json().path("priority").asText()).isEqualTo("P2");
    assertThat(first.json().path("reportedBy").asText()).isEqualTo("olivia");
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.json().path("incidentKey").asText()).isEqualTo(key);
    assertThat(repeat.json().path("alerts").get(0).path("occurrences").asInt()).isEqualTo(2);
    assertThat(plain.status()).isEqualTo(201);
    assertThat(plain.json().path("unknownService").asBoolean()).isTrue();
    assertThat(api().bearer("demo-ci-token").post("/api/incidents", body).status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      impact not a level    | {"title":"x","impact":"huge","urgency":"high"}                 | impact must be high, medium or low
      missing title         | {"impact":"high","urgency":"high"}                             | title must not be blank
      urgency a number      | {"title":"x","impact":"high","urgency":3}                      | urgency
      dedup key with spaces | {"title":"x","impact":"high","urgency":"high","dedupKey":"a b"} | dedupKey must not contain spaces
      unknown field         | {"title":"x","impact":"high","urgency":"high","severity":"P1"} | Unknown field 'severity'
      """)
  void badReportIsRefusedAndWritesNothing(String name, String body, String message) {
    long incidents = rows("incident");

    Response response = as("olivia").post("/api/incidents", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(rows("incident")).isEqualTo(incidents);
  }

  @Test
  void incidentsAreListedByStateAndServiceForPeopleOnly() {
    String key = as("olivia").post("/api/incidents",
        "{\"service\":\"reporting\",\"title\":\"Reports late\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();

    assertThat(as("devon").get("/api/incidents?state=open&service=reporting").json().findValuesAsText("incidentKey"))
        .contains(key);
    assertThat(as("devon").get("/api/incidents?state=open&service=payments-api").json().findValuesAsText("incidentKey"))
        .doesNotContain(key);
    assertThat(as("devon").get("/api/incidents?state=closed").json().findValuesAsText("incidentKey")).doesNotContain(key);
    assertThat(as("devon").get("/api/incidents?state=sleeping").status()).isEqualTo(400);
    assertThat(as("devon").get("/api/incidents/INC-1999-0001").status()).isEqualTo(404);
    assertThat(api().bearer("demo-ci-token").get("/api/incidents/" + key).status()).isEqualTo(403);
    assertThat(alertmanager().get("/api/incidents").status()).isEqualTo(403);
  }

  @Test
  void formRefusalInTasklistIsA400WithTheReason() {
    String key = as("olivia").post("/api/incidents",
        "{\"service\":\"web-portal\",\"title\":\"Slow search\",\"impact\":\"medium\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    String processId = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult().getId();
    runJob(processId, "Task_NotifyOnCall");
    String triage = processEngine.getTaskService().createTaskQuery().processInstanceId(processId).singleResult().getId();
    Api olivia = api().signIn("olivia", "demo");

    Response refused = olivia.post("/camunda/api/engine/engine/default/task/" + triage + "/submit-form",
        "{\"variables\":{\"diagnosisGroup\":{\"value\":\"qa\"}}}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).startsWith("cannot complete the triage: diagnosisGroup must be ops, dev or security;")
        .endsWith("category must be outage, database, security, performance or other.");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(triage).count()).isOne();
  }

  @Test
  void incidentWorkedToTheEndHasItsTimesAndTimeline() {
    String key = as("olivia").post("/api/incidents",
        "{\"service\":\"payments-api\",\"title\":\"Refunds fail\",\"impact\":\"medium\",\"urgency\":\"medium\"}").json()
        .path("incidentKey").asText();
    String processId = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult().getId();
    runJob(processId, "Task_NotifyOnCall");

    submit("olivia", processId, "{\"diagnosisGroup\":{\"value\":\"ops\"},\"category\":{\"value\":\"other\"},\"major\":{\"value\":false}}");
    submit("olivia", processId, "{\"resolutionSummary\":{\"value\":\"restarted the refund worker\"}}");
    submit("quinn", processId, "{\"verified\":{\"value\":true}}");
    runJob(processId, "Task_CloseIncident");

    JsonNode incident = as("mia").get("/api/incidents/" + key).json();
    assertThat(incident.path("state").asText()).isEqualTo("closed");
    assertThat(incident.path("acknowledgedBy").asText()).isEqualTo("olivia");
    assertThat(incident.path("resolvedBy").asText()).isEqualTo("olivia");
    assertThat(incident.path("resolutionSummary").asText()).isEqualTo("restarted the refund worker");
    assertThat(incident.path("secondsToAcknowledge").asLong()).isNotNegative();
    assertThat(incident.path("secondsToResolve").asLong()).isGreaterThanOrEqualTo(incident.path("secondsToAcknowledge").asLong());
    assertThat(incident.path("ackSlaBreached").asBoolean()).isFalse();
    assertThat(incident.path("closedAt").asText()).isNotBlank();
    assertThat(kinds(incident)).containsExactly("opened", "priority", "notified", "claimed", "acknowledged", "mitigated", "verified",
        "closed");
    assertThat(as("mia").get("/api/incidents?state=closed").json().findValuesAsText("incidentKey")).contains(key);
  }

  private void submit(String user, String processId, String variables) {
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(processId).singleResult().getId();
    Api person = as(user);
    assertThat(person.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").status()).isEqualTo(204);
    Response submitted = person.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
    assertThat(submitted.status()).as(submitted.toString()).isIn(200, 204);
  }

  private void runJob(String processId, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(processId).activityId(activityId)
        .singleResult();
    processEngine.getManagementService().executeJob(job.getId());
  }

  private JsonNode incidentWithFingerprint(Response intake, String fingerprint) {
    for (JsonNode key : intake.json().path("opened")) {
      JsonNode incident = as("olivia").get("/api/incidents/" + key.asText()).json();
      if (incident.path("alerts").get(0).path("fingerprint").asText().equals(fingerprint)) {
        return incident;
      }
    }
    throw new AssertionError("no incident opened for " + fingerprint);
  }

  private static List<String> kinds(JsonNode incident) {
    return incident.path("timeline").findValuesAsText("kind");
  }

  private Api alertmanager() {
    return api().bearer("demo-alert-token");
  }

  private static long rows(String table) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM " + table);
  }
}
