package io.opsflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;

/**
 * Issue 13's acceptance, tried as a new user would: everything through the OpsFlow API, the engine's REST
 * API (the calls Tasklist makes) as the demo people of the right groups, the CI and Alertmanager accounts;
 * only time is moved by the test (timers by the clock). The shared test database keeps its demo services
 * for the other tests, so the scenario's {@code search-api}, {@code payments-api} and {@code web-portal}
 * are new catalog services named so, each with a suffix of its own.
 */
class LifecycleAcceptanceIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RecordingChannel notifications;

  @Autowired
  UsageSettings usageSettings;

  @Test
  void aManagerLaunchesSearchApiThroughReadinessSignOffsCiAndHypercareToLiveWithARetrospective() throws Exception {
    String service = "search-api" + Fixtures.uniqueSuffix();
    Response registered = as("mia").post("/api/services", """
        {"key":"%s","name":"Search API 搜索 🔍","tier":2,"devGroup":"dev"}""".formatted(service));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().path("lifecycle").path("state").asText()).isEqualTo("planned");

    // the launch, and its readiness: four named results, the failing one saying why and what to do
    Response started = as("mia").post("/api/services/" + service + "/launch",
        "{\"plannedDate\":\"%s\",\"version\":\"1.0.0\",\"hypercareDays\":2}".formatted(today()));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String launch = started.json().path("launch").path("launchKey").asText();
    String readiness = started.json().path("launch").path("readiness").asText();
    assertThat(readiness.lines()).hasSize(4).allMatch(line -> line.matches(
        "[✔✘] (Emergency plan|On-call schedule|Feedback channel|Owning dev group): .+"));
    assertThat(readiness).contains("✘ Feedback channel: no feedback channel has sent feedback for " + service
        + " yet; connect one (a test item will do), or mark feedback not applicable").contains("✔ Owning dev group: dev");
    assertThat(as("devon").get("/api/launches/" + launch).json().path("launch").path("readiness").asText())
        .isEqualTo(readiness);

    // ops, dev and QA sign off in Tasklist: the readiness is in their forms; QA must link the load test
    String opsSignOff = task("olivia", launch, "Task_SignOffOps", null);
    assertThat(as("olivia").get("/engine-rest/task/" + opsSignOff + "/form-variables").json()
        .path("readiness").path("value").asText()).isEqualTo(readiness);
    assertThat(complete("olivia", opsSignOff, Map.of("notes", "runbook 已更新 ✅, alerts wired")).status()).isEqualTo(204);
    assertThat(complete("devon", task("devon", launch, "Task_SignOffDev", null), Map.of()).status()).isEqualTo(204);
    String qaSignOff = task("quinn", launch, "Task_SignOffQa", null);
    Response withoutLoadTest = complete("quinn", qaSignOff, Map.of("notes", "looks fine"));
    assertThat(withoutLoadTest.status()).as(withoutLoadTest.toString()).isEqualTo(400);
    assertThat(withoutLoadTest.body()).contains("loadTestResult is required");
    assertThat(complete("quinn", qaSignOff, Map.of("loadTestResult", "https://perf.example.com/search/run-7",
        "notes", "p99 120 ms at 800 rps")).status()).isEqualTo(204);
    JsonNode signOffs = as("mia").get("/api/launches/" + launch).json().path("signOffs");
    assertThat(signOffs.findValuesAsText("group")).containsExactlyInAnyOrder("ops", "dev", "qa");
    assertThat(signOffs.findValuesAsText("loadTestUrl")).contains("https://perf.example.com/search/run-7");

    assertThat(complete("mia", task("mia", launch, "Task_DecideGoNoGo", null), Map.of("decision", "go",
        "reasons", "readiness understood: feedback comes with the launch")).status()).isEqualTo(204);

    // the launch change runs through approvals and CI as every change does
    String change = as("mia").get("/api/launches/" + launch).json().path("launch").path("changeKey").asText();
    assertThat(ci().get("/api/changes/" + change + "/gate").json().path("status").asText()).isEqualTo("pending");
    runChangeThroughCi(change);
    JsonNode hypercare = as("mia").get("/api/launches/" + launch).json().path("launch");
    assertThat(hypercare.path("state").asText()).isEqualTo("hypercare");
    assertThat(as("olivia").get("/api/services/" + service).json().path("lifecycle").path("state").asText())
        .isEqualTo("launching");
    Instant hypercareStart = Instant.parse(hypercare.path("hypercareStartedAt").asText());

    // the first hypercare day: an alert, a hotfix through CI, what users say and how they use it
    LocalDate firstDay = LocalDate.ofInstant(hypercareStart, usageSettings.zone());
    feedback(service, "before-1", "Search works great, fast and accurate, love it!", hypercareStart.minus(Duration.ofHours(10)));
    ClockUtil.setCurrentTime(Date.from(hypercareStart.plus(Duration.ofHours(2))));
    Response alert = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", """
        {"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"SearchLatencyHigh",
         "service":"%s","severity":"warning"},"annotations":{"summary":"p99 above 800 ms on %s"},
         "fingerprint":"acc%s"}]}""".formatted(service, service, Fixtures.uniqueSuffix()));
    assertThat(alert.status()).as(alert.toString()).isEqualTo(202);
    String incident = alert.json().path("opened").get(0).asText();
    JsonNode raised = as("olivia").get("/api/incidents/" + incident).json();
    assertThat(raised.path("impact").asText() + "/" + raised.path("urgency").asText())
        .as("tier 2 and a warning: P3 by the matrix").isEqualTo("medium/medium");
    assertThat(raised.path("priority").asText()).as("raised a level while launching").isEqualTo("P2");

    Response hotfix = ci().post("/api/changes", """
        {"service":"%s","version":"1.0.1","title":"Hotfix: search latency","changeType":"standard","tests":"passed",
         "hasDbMigration":false,"commitSha":"9a8b7c6","pipelineUrl":"https://ci.example/pipelines/77",
         "requestedBy":"devon"}""".formatted(service));
    assertThat(hotfix.status()).as(hotfix.toString()).isEqualTo(201);
    String hotfixKey = hotfix.json().path("changeKey").asText();
    assertThat(hotfix.json().path("gate").path("status").asText()).isEqualTo("approved");
    assertThat(ci().post("/api/changes/" + hotfixKey + "/deployment", "{\"status\":\"succeeded\"}").status())
        .isBetween(200, 204);

    ClockUtil.setCurrentTime(Date.from(hypercareStart.plus(Duration.ofHours(4))));
    feedback(service, "day1-1", "搜索太慢了，结果也不准，非常失望", hypercareStart.plus(Duration.ofHours(3)));
    feedback(service, "day1-2", "Terrible, search is broken and useless since the update", hypercareStart.plus(Duration.ofHours(3)));
    feedback(service, "day1-3", "Great new search, works perfectly, love it!", hypercareStart.plus(Duration.ofHours(3)));
    Response usage = api().bearer("demo-analytics-token").post("/api/usage", """
        {"days":[{"service":"%s","day":"%s","activeUsers":1000,"features":[
          {"feature":"搜索 🔍","activeUsers":900,"uses":4200,"medianSecondsSpent":20},
          {"feature":"高级筛选","activeUsers":12,"uses":15}]}]}""".formatted(service, firstDay));
    assertThat(usage.status()).as(usage.toString()).isEqualTo(200);

    passReportTimer(launch);
    JsonNode firstReport = as("mia").get("/api/launches/" + launch).json().path("reports").get(0);
    assertThat(firstReport.path("day").asInt()).isOne();
    assertThat(firstReport.path("text").asText())
        .contains("day 1 of 2")
        .contains("Deployments: 1\n- 1.0.1 (" + hotfixKey)
        .contains("Incidents opened: 1 (P1 0, P2 1, P3 0, P4 0)")
        .contains("Feedback: 3 items (day before 1); negative 67 % (day before 0 %)")
        .contains("- 搜索 🔍: 4200 uses, share 90 %")
        .contains("- 高级筛选: 15 uses, share 1 % — rarely-used");
    assertThat(notifications.about(launch)).as("the daily notice reaches the managers").anySatisfy(notice -> {
      assertThat(notice.subject()).contains("Launch report " + launch + ", day 1 of 2");
      assertThat(notice.groups()).contains("manager");
      assertThat(notice.body()).contains("P2 1");
    });

    // past hypercare: live, and the launch retrospective looks back on the hypercare period
    passReportTimer(launch);
    JsonNode ended = as("mia").get("/api/launches/" + launch).json();
    assertThat(ended.path("launch").path("state").asText()).isEqualTo("live");
    assertThat(ended.path("reports")).hasSize(2);
    assertThat(as("olivia").get("/api/services/" + service).json().path("lifecycle").path("state").asText())
        .isEqualTo("live");
    JsonNode retros = as("mia").get("/api/retrospectives?service=" + service).json();
    assertThat(retros).hasSize(1);
    JsonNode retro = as("mia").get("/api/retrospectives/" + retros.get(0).path("retroKey").asText()).json();
    assertThat(retro.path("retrospective").path("subjectType").asText()).isEqualTo("launch");
    assertThat(retro.path("retrospective").path("subjectKey").asText()).isEqualTo(launch);
    assertThat(retro.path("retrospective").path("state").asText()).isNotEqualTo("closed");
    assertThat(Instant.parse(retro.path("retrospective").path("windowStart").asText())).isEqualTo(hypercareStart);
    assertThat(Instant.parse(retro.path("retrospective").path("windowEnd").asText()))
        .isEqualTo(Instant.parse(ended.path("launch").path("endedAt").asText()));
    JsonNode facts = retro.path("facts");
    assertThat(facts.path("incidents").findValuesAsText("incidentKey")).containsExactly(incident);
    assertThat(facts.path("changes").findValuesAsText("changeKey")).contains(hotfixKey);
    assertThat(facts.path("feedback").path("volume").asInt()).as("the hypercare period's, not the day before").isEqualTo(3);
    assertThat(facts.path("usage").findValuesAsText("feature")).containsExactly("搜索 🔍", "高级筛选");
    assertThat(facts.path("usage").get(1).path("flags").toString()).contains("rarely-used");
  }

  @Test
  void retiringPaymentsApiWaitsForWebPortalThenShutsItDownThroughAChangeRelease() throws Exception {
    String suffix = Fixtures.uniqueSuffix();
    String payments = "payments-api" + suffix;
    String portal = "web-portal" + suffix;
    assertThat(as("mia").post("/api/services", """
        {"key":"%s","name":"Payments API 支付","tier":1,"devGroup":"dev","lifecycle":"live"}""".formatted(payments))
        .status()).isEqualTo(201);
    assertThat(as("mia").post("/api/services", """
        {"key":"%s","name":"Web portal 门户","tier":2,"devGroup":"dev","lifecycle":"live","dependsOn":["%s"]}"""
        .formatted(portal, payments)).status()).isEqualTo(201);

    LocalDate shutdown = today().plusDays(30);
    Response started = as("mia").post("/api/services/" + payments + "/retirement",
        "{\"shutdownDate\":\"" + shutdown + "\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String retirement = started.json().path("key").asText();

    // web-portal's team is asked; a task completed with the dependency still there is asked again
    String removal = task("devon", retirement, "Task_RemoveDependency", null);
    JsonNode asked = as("devon").get("/engine-rest/task/" + removal).json();
    assertThat(asked.path("name").asText()).isEqualTo("Remove dependency on " + payments);
    assertThat(as("devon").get("/engine-rest/task/" + removal + "/identity-links?type=candidate").json()
        .findValuesAsText("groupId")).containsExactly("dev");
    assertThat(complete("devon", removal, Map.of()).status()).isEqualTo(204);
    String again = task("devon", retirement, "Task_RemoveDependency", null);
    assertThat(again).as("a new task: the catalog still says web-portal depends on it").isNotEqualTo(removal);
    assertThat(lifecycleOf(payments)).isEqualTo("live");

    Response removed = as("mia").put("/api/services/" + portal, """
        {"name":"Web portal 门户","tier":2,"devGroup":"dev","dependsOn":[]}""");
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(complete("devon", again, Map.of()).status()).isEqualTo(204);
    assertThat(lifecycleOf(payments)).as("the retirement goes on: users are told").isEqualTo("deprecated");

    // notice, data and rights
    String notice = "支付服务将于 " + shutdown + " 停止，请在此之前导出账单 📦";
    assertThat(complete("olivia", task("olivia", retirement, "Task_PublishNotice", null), Map.of("noticeText", notice))
        .status()).isEqualTo(204);
    assertThat(complete("devon", task("devon", retirement, "Task_ExportData", null),
        Map.of("dataLocation", "oss://archive/payments 归档 2026")).status()).isEqualTo(204);
    assertThat(complete("quinn", task("quinn", retirement, "Task_VerifyMigration", null),
        Map.of("migrationVerified", true)).status()).isEqualTo(204);
    String rights = task("mia", retirement, "Task_ConfirmRights", null);
    Response unticked = complete("mia", rights, Map.of("refundsHandled", true, "balancesHandled", true,
        "subscriptionsHandled", false));
    assertThat(unticked.status()).isEqualTo(400);
    assertThat(unticked.body()).contains("subscriptionsHandled must be ticked");
    assertThat(complete("mia", rights, Map.of("refundsHandled", true, "balancesHandled", true,
        "subscriptionsHandled", true)).status()).isEqualTo(204);

    // the shutdown date: OpsFlow requests the shutdown change, which runs through approvals and CI
    ClockUtil.setCurrentTime(Date.from(shutdown.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
    executeDueJobs(processInstanceId(retirement));
    String change = as("mia").get("/api/retirements/" + retirement).json().path("shutdownChange").asText();
    assertThat(as("olivia").get("/api/changes/" + change).json().path("title").asText())
        .isEqualTo("Shut down " + payments + " (retirement " + retirement + ")");
    assertThat(lifecycleOf(payments)).as("until the change succeeds").isEqualTo("deprecated");
    runChangeThroughCi(change);

    JsonNode record = as("mia").get("/api/retirements/" + retirement).json();
    assertThat(record.path("state").asText()).isEqualTo("retired");
    assertThat(record.path("notice").path("text").asText()).isEqualTo(notice);
    assertThat(lifecycleOf(payments)).isEqualTo("retired");

    // retired: its alerts are ignored, no plan is selected for it, no change is taken
    Response alert = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", """
        {"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"PaymentsDown",
         "service":"%s","severity":"critical"},"fingerprint":"acc%s"}]}""".formatted(payments, suffix));
    assertThat(alert.status()).isEqualTo(202);
    assertThat(alert.json().path("opened")).isEmpty();
    assertThat(alert.json().path("ignored").get(0).path("reason").asText()).isEqualTo("service retired");
    assertThat(planFor(payments)).as("a retired service").isNull();
    assertThat(planFor(portal)).as("a live one still has its plan").isNotNull();
    Response refused = ci().post("/api/changes", """
        {"service":"%s","version":"9.9","title":"After shutdown","changeType":"normal","tests":"passed",
         "hasDbMigration":false,"requestedBy":"devon"}""".formatted(payments));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("retired");
  }

  // --- the people, CI and the clock

  /** The first task of this name for the process with this business key, as the person's Tasklist finds it. */
  private String task(String user, String businessKey, String definitionKey, String candidateGroup) {
    String query = "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + definitionKey
        + (candidateGroup == null ? "" : "&candidateGroup=" + candidateGroup);
    Response found = as(user).get(query);
    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    JsonNode tasks = found.json();
    assertThat(tasks.isArray() && !tasks.isEmpty()).as(user + " sees " + definitionKey + " of " + businessKey + ": "
        + found).isTrue();
    return tasks.get(0).path("id").asText();
  }

  /** Claims the task and submits its form with these values, as Tasklist does. */
  private Response complete(String user, String taskId, Map<String, Object> values) throws Exception {
    Response claimed = as(user).post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Response submitted = as(user).post("/engine-rest/task/" + taskId + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", variables)));
    if (submitted.status() != 204) {
      as(user).post("/engine-rest/task/" + taskId + "/unclaim", "{}");
    }
    return submitted;
  }

  /**
   * ops, dev and QA approve (and for a high-risk change a manager: not mia, who requested it, but a second
   * manager); CI polls the gate and reports the deployment; QA confirms after the verification window.
   */
  private void runChangeThroughCi(String change) throws Exception {
    for (String[] approver : new String[][] {{"ops", "olivia"}, {"dev", "devon"}, {"qa", "quinn"}}) {
      String approval = task(approver[1], change, "Task_ApproveChange", approver[0]);
      assertThat(complete(approver[1], approval, Map.of("approved", true, "comment", "ok")).status()).isEqualTo(204);
    }
    if (as("olivia").get("/api/changes/" + change).json().path("approvalRoute").asText().equals("cab")) {
      Response ownApproval = as("mia").post("/engine-rest/task/" + task("mia", change, "Task_ApproveChange", "manager")
          + "/claim", "{\"userId\":\"mia\"}");
      assertThat(ownApproval.status()).as("four eyes: mia requested it").isEqualTo(400);
      String cab = secondManager();
      assertThat(complete(cab, task(cab, change, "Task_ApproveChange", "manager"), Map.of("approved", true)).status())
          .isEqualTo(204);
    }
    Response gate = ci().get("/api/changes/" + change + "/gate");
    assertThat(gate.json().path("status").asText()).as(gate.toString()).isEqualTo("approved");
    Response deployed = ci().post("/api/changes/" + change + "/deployment",
        "{\"status\":\"succeeded\",\"url\":\"https://ci.example/deploy/" + change + "\"}");
    assertThat(deployed.status()).as(deployed.toString()).isBetween(200, 204);
    Job window = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId(change))
        .timers().singleResult();
    ClockUtil.setCurrentTime(Date.from(window.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(window.getId());
    JsonNode confirm = as("quinn").get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + change
        + "&taskDefinitionKey=Task_ConfirmInProduction").json();
    if (!confirm.isEmpty()) {
      assertThat(complete("quinn", confirm.get(0).path("id").asText(), Map.of("confirmedInProduction", true)).status())
          .isEqualTo(204);
    }
    assertThat(as("olivia").get("/api/changes/" + change).json().path("outcome").asText()).isEqualTo("succeeded");
  }

  /** The demo's second manager: a tier 1 change needs a manager other than the one who asked for it. */
  private String secondManager() {
    assertThat(processEngine.getIdentityService().createUserQuery().userId("max").memberOfGroup("manager").count())
        .isEqualTo(1);
    return "max";
  }

  /** Waits (by the clock) for the launch's next daily report. */
  private void passReportTimer(String launch) {
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId(launch))
        .activityId("Timer_ReportDue").singleResult();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(timer.getId());
  }

  private void feedback(String service, String id, String text, Instant at) {
    Response posted = api().bearer("demo-feedback-token").post("/api/feedback", """
        {"service":"%s","channel":"in-app","externalId":"%s%s","text":"%s","occurredAt":"%s"}"""
        .formatted(service, service, id, text, at));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
  }

  /** The plan emergency-plan-selection picks for an outage of the service, with what incidents give it. */
  private Object planFor(String service) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("service", service);
    in.put("category", "outage");
    in.put("serviceLifecycle", lifecycleOf(service));
    List<Map<String, Object>> result = new ArrayList<>(processEngine.getDecisionService()
        .evaluateDecisionByKey("emergency-plan-selection").variables(in).evaluate().getResultList());
    return result.isEmpty() ? null : result.get(0).get("planKey");
  }

  private String lifecycleOf(String service) {
    return as("olivia").get("/api/services/" + service).json().path("lifecycle").path("state").asText();
  }

  private Api ci() {
    return api().bearer("demo-ci-token");
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
