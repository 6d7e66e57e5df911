package io.opsflow.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.Api.Response;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;
import io.opsflow.support.TestDatabase;

/**
 * post-launch-retrospective: started after a change's observation window, by an incident and by
 * hand; repeats ignored; zero, one and several action items; reminder and escalation by moving the
 * clock; a failed verification; and the report's content.
 */
@FullProcessCoverage("post-launch-retrospective")
class RetrospectiveProcessIT extends IntegrationTest {

  private static final String SERVICE = "retro-svc";
  private static final String SECURITY_SERVICE = "retro-sec-svc";
  private static final String ACK_SERVICE = "retro-ack-svc";

  @Autowired
  Retrospectives retrospectives;

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  RecordingChannel notifications;

  @Test
  void cabChangeThatLaterCausedAP2IncidentGetsOneRetrospectiveAfterItsWindowWithEverythingInItsReport() {
    ensureService(SERVICE, 1);
    String change = closedCabChange();
    ProcessInstance retro = retrospectiveOf(change);
    assertThat(retro).isWaitingAt("Timer_ObservationOver");
    String incident = workedP2Incident();

    sendRequest("change", change);
    assertThat(retrospectivesFor(change)).as("a repeat is ignored").isOne();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)));
    execute(timer(retro));
    String key = retro.getBusinessKey();
    String facts = (String) variable(retro, "facts");
    assertThat(facts).contains(change).contains(incident).contains("route cab");

    complete(retro, "Task_Prepare", "devon", Map.of("summary", "The 3.0 release slowed checkout",
        "wentWell", "fast rollback decision", "wentWrong", "no load test"));
    complete(retro, "Task_AddFindingsOps", "olivia", Map.of("findings", "connection pool exhausted"));
    complete(retro, "Task_AddFindingsDev", "devon", Map.of("nothingToAdd", true));
    complete(retro, "Task_AddFindingsQa", "quinn", Map.of("findings", "no performance test for checkout"));
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
    complete(retro, "Task_HoldReview", "mia", Map.of("rootCauses", "pool size not sized for the new query",
        "actionItems", "Load test checkout before release; qa; " + due + "\nAlert on pool saturation; ops; " + due));

    String items = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM action_item WHERE retro_key = '" + key + "'") + "";
    assertThat(items).isEqualTo("2");
    completeItem(retro, key + "-A1", "quinn", "added a k6 test to the pipeline");
    verifyItem(retro, key + "-A1", false, "the test does not run on release branches");
    assertThat(retrospectives.item(key + "-A1").state()).isEqualTo(ActionItemState.REOPENED);
    assertThat(as("olivia").get("/api/retrospectives/" + key).json().path("actionItems").get(0).path("state").asText())
        .isEqualTo("reopened");
    completeItem(retro, key + "-A1", "quinn", "runs on release branches too");
    verifyItem(retro, key + "-A1", true, null);
    completeItem(retro, key + "-A2", "oscar", "alert at 80% pool use");
    verifyItem(retro, key + "-A2", true, "fired in a test");

    assertThat(retro).hasPassed("Task_PublishReport", "Task_CloseRetrospective", "End_RetrospectiveClosed").isEnded();
    assertThat(variable(retro, "reportUrl")).isEqualTo("/api/retrospectives/" + key + "/report");
    assertThat(retrospectives.get(key).publishedAt()).isNotNull();
    Response markdown = as("olivia").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + key + "/report");
    String report = markdown.body();
    assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
    assertThat(report).contains("# Retrospective " + key).contains(change).contains("| cab |")
        .contains(incident).contains("| P2 |").contains("min")
        .contains("connection pool exhausted").contains("Nothing to add.").contains("no performance test")
        .contains("pool size not sized for the new query")
        .contains("| " + key + "-A1 | Load test checkout before release | qa | " + due + " | verified |")
        .contains("| " + key + "-A2 | Alert on pool saturation | ops | " + due + " | verified |");
    Response html = api().basic("olivia", "demo").withHeader("Accept", "text/html").get("/api/retrospectives/" + key + "/report");
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("<table>").contains("<h1>Retrospective " + key);
    assertThat(retrospectives.get(key).state()).isEqualTo(RetrospectiveState.CLOSED);
  }

  @Test
  void incidentRetrospectiveStartsAtOnceAndShowsTheChangeThatFailedIt() {
    ensureService(SERVICE, 1);
    String change = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"9.0","title":"Failing","changeType":"emergency","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(SERVICE)).json().path("changeKey").asText();
    approveAll(change);
    api().bearer("demo-ci-token").post("/api/changes/" + change + "/deployment", "{\"status\":\"failed\"}");
    String incident = as("olivia").get("/api/changes/" + change).json().path("incidentKey").asText();

    sendRequest("incident", incident);

    ProcessInstance retro = retrospectiveOf(incident);
    assertThat(retro).hasPassed("Task_GatherFacts").isWaitingAt("Task_Prepare");
    assertThat((String) variable(retro, "facts")).contains(incident).contains("Change " + change)
        .contains("deployment failed");
    Retrospectives.Details details = retrospectives.details(retro.getBusinessKey(), true);
    assertThat(details.facts().changes()).extracting(RetroFacts.ChangeFact::incidentKey).contains(incident);
    assertThat(candidates(retro, "Task_Prepare")).containsExactlyInAnyOrder("dev", "manager");

    complete(retro, "Task_Prepare", "mia", Map.of("summary", "bad deploy"));
    complete(retro, "Task_AddFindingsOps", "olivia", Map.of("nothingToAdd", true));
    complete(retro, "Task_AddFindingsDev", "devon", Map.of("nothingToAdd", true));
    complete(retro, "Task_AddFindingsQa", "quinn", Map.of("nothingToAdd", true));
    assertThatThrownBy(() -> complete(retro, "Task_HoldReview", "mia",
        Map.of("actionItems", "Do it; nobody; 2020-01-01\nbroken line")))
        .as("every problem at once").hasMessageContaining("rootCauses must name what caused it")
        .hasMessageContaining("'nobody' is not a group of people").hasMessageContaining("is in the past")
        .hasMessageContaining("line 2 must be 'title; owner group; due date");
    complete(retro, "Task_HoldReview", "mia", Map.of("rootCauses", "untested migration", "actionItems", ""));

    assertThat(retro).as("zero action items").hasPassed("End_RetrospectiveClosed").isEnded();

    sendRequest("change", change);
    ProcessInstance changeRetro = retrospectiveOf(change);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)));
    execute(timer(changeRetro));
    assertThat(retrospectives.details(changeRetro.getBusinessKey(), true).facts().incidents())
        .as("the failed change's retrospective shows its incident").extracting(RetroFacts.IncidentFact::incidentKey)
        .contains(incident);
    assertThat(as("olivia").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + retro.getBusinessKey() + "/report").body())
        .contains("## Action items\n\nNone.");
  }

  @Test
  void aSecurityIncidentsRetrospectiveIsRestrictedAndWorkedBySecurityInsteadOfDevAndQa() {
    ensureService(SECURITY_SERVICE, 2);
    String incident = workedSecurityIncident();
    ProcessInstance retro = retrospectiveOf(incident);
    String key = retro.getBusinessKey();
    assertThat(retro).isWaitingAt("Task_Prepare");
    assertThat(candidates(retro, "Task_Prepare")).containsExactlyInAnyOrder("security", "manager");
    assertThat(readerGrants(retro)).as("dev and qa get no grant").isZero();
    assertThat(as("devon").get("/api/retrospectives/" + key).status()).isEqualTo(404);
    assertThat(as("quinn").get("/api/retrospectives").json().findValuesAsText("retroKey")).doesNotContain(key);
    assertThat(as("sasha").get("/api/retrospectives/" + key).status()).isEqualTo(200);

    complete(retro, "Task_Prepare", "sasha", Map.of("summary", "a leaked key was used"));
    assertThat(retro).isWaitingAt("Task_AddFindingsOps", "Task_AddFindingsSecurity")
        .isNotWaitingAt("Task_AddFindingsDev", "Task_AddFindingsQa");
    complete(retro, "Task_AddFindingsOps", "olivia", Map.of("nothingToAdd", true));
    complete(retro, "Task_AddFindingsSecurity", "sasha", Map.of("findings", "the key was in a public repository"));
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
    assertThatThrownBy(() -> complete(retro, "Task_HoldReview", "mia", Map.of("rootCauses", "key in git",
        "actionItems", "Scan repositories for secrets; dev; " + due)))
        .hasMessageContaining("this retrospective is restricted, so its action items go to ops, manager or security");
    complete(retro, "Task_HoldReview", "mia", Map.of("rootCauses", "key in git",
        "actionItems", "Scan repositories for secrets; security; " + due));
    completeItem(retro, key + "-A1", "sasha", "secret scanning on every push");
    assertThat(candidates(retro, "Task_VerifyImprovement")).containsExactly("security");
    Task verify = itemTask(retro, "Task_VerifyImprovement", key + "-A1");
    processEngine.getTaskService().claim(verify.getId(), "sasha");
    processEngine.getTaskService().complete(verify.getId(), Map.of("improvementVerified", true));

    assertThat(retro).hasPassed("Task_AddFindingsSecurity", "End_RetrospectiveClosed").isEnded();
    assertThat(retrospectives.details(key, true).findings()).extracting(Finding::findingGroup)
        .containsExactlyInAnyOrder("ops", "security");
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().contains("published")
        && n.groups().equals(List.of("ops", "manager", "security")));
  }

  @Test
  void aRetrospectiveAllStaffReadLeavesOutTheRestrictedIncidentsOfItsWindow() {
    ensureService(SECURITY_SERVICE, 2);
    String restricted = workedSecurityIncident();
    ProcessInstance retro = byHandAMinuteFromNow(SECURITY_SERVICE);
    String key = retro.getBusinessKey();

    assertThat((String) variable(retro, "facts")).as("the forms dev and qa read").doesNotContain(restricted);
    assertThat(readerGrants(retro)).isEqualTo(2);
    assertThat(as("devon").get("/api/retrospectives/" + key).json().path("facts").path("incidents")
        .findValuesAsText("incidentKey")).doesNotContain(restricted);
    assertThat(as("devon").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + key + "/report").body())
        .doesNotContain(restricted);
    assertThat(as("mia").get("/api/retrospectives/" + key).json().path("facts").path("incidents")
        .findValuesAsText("incidentKey")).contains(restricted);
  }

  @Test
  void anIncidentTriagedAsSecurityAfterARetrospectiveGatheredItLeavesItsForms() {
    ensureService(SECURITY_SERVICE, 2);
    String incident = reported(SECURITY_SERVICE, "Odd outbound traffic", "low", "low");
    ProcessInstance retro = byHandAMinuteFromNow(SECURITY_SERVICE);
    assertThat((String) variable(retro, "facts")).contains(incident);

    String process = processInstanceId(incident);
    executeDueJobs(process);
    completeOnly(process, "olivia", Map.of("diagnosisGroup", "ops", "category", "security"));

    assertThat((String) variable(retro, "facts")).doesNotContain(incident);
    assertThat(as("devon").get("/api/retrospectives/" + retro.getBusinessKey()).json().path("facts").path("incidents")
        .findValuesAsText("incidentKey")).doesNotContain(incident);
  }

  @Test
  void anIncidentStillOpenShowsTheTimeItTookToAcknowledgeIt() {
    ensureService(ACK_SERVICE, 2);
    String incident = reported(ACK_SERVICE, "Search slow", "medium", "high");
    String process = processInstanceId(incident);
    executeDueJobs(process);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2)).plusSeconds(5)));
    completeOnly(process, "olivia", Map.of("diagnosisGroup", "ops", "category", "performance"));

    ProcessInstance retro = processEngine.getRuntimeService().startProcessInstanceByKey(Retrospectives.PROCESS_KEY,
        new HashMap<>(Map.of("service", ACK_SERVICE, "windowStart", Date.from(Instant.now().minus(Duration.ofDays(1))),
            "windowEnd", Date.from(Instant.now().plus(Duration.ofHours(1))), "requestedBy", "mia")));
    String key = retro.getBusinessKey();

    assertThat((String) variable(retro, "facts")).contains(incident).contains("acknowledged after 2 min")
        .contains("resolved after -");
    assertThat(retrospectives.details(key, true).facts().incidents()).singleElement()
        .satisfies(fact -> assertThat(fact.secondsToAcknowledge()).isBetween(120L, 179L));
    assertThat(as("olivia").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + key + "/report").body())
        .containsPattern("\\| " + incident + " \\|[^\\n]*\\| 2 min \\| - \\| open \\|");
  }

  @Test
  void theReportIsMarkdownUnlessTheClientAsksForHtml() throws Exception {
    String key = byHand("reporting").getBusinessKey();
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    assertThat(report(key, "*/*")).as("curl").startsWith("text/markdown");
    assertThat(report(key, null)).as("no Accept").startsWith("text/markdown");
    assertThat(report(key, "text/markdown")).startsWith("text/markdown");
    assertThat(report(key, "text/html")).startsWith("text/html");
    assertThat(report(key, browser)).as("a browser").startsWith("text/html");
    assertThat(report(key, "image/png")).isEqualTo("406");
  }

  @Test
  void anOverdueActionItemIsRemindedThenEscalatedToManagers() {
    ProcessInstance retro = byHand("reporting");
    String key = retro.getBusinessKey();
    complete(retro, "Task_Prepare", "mia", Map.of("summary", "monthly review"));
    complete(retro, "Task_AddFindingsOps", "olivia", Map.of("findings", "backups slow"));
    complete(retro, "Task_AddFindingsDev", "devon", Map.of("nothingToAdd", true));
    complete(retro, "Task_AddFindingsQa", "quinn", Map.of("nothingToAdd", true));
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    complete(retro, "Task_HoldReview", "mia", Map.of("rootCauses", "old disks", "actionItems",
        "Move backups to SSD; ops; " + due));
    String item = key + "-A1";
    Task implement = itemTask(retro, "Task_ImplementImprovement", item);
    assertThat(implement.getDueDate()).isEqualTo(Date.from(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));

    ClockUtil.setCurrentTime(Date.from(due.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
    execute(itemTimer(retro, "Timer_Reminder"));
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().contains(item + " is due " + due)
        && n.groups().equals(List.of("ops")));
    assertThat(candidateGroups(itemTask(retro, "Task_ImplementImprovement", item))).containsExactly("ops");

    ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
    execute(itemTimer(retro, "Timer_Overdue"));
    assertThat(candidateGroups(itemTask(retro, "Task_ImplementImprovement", item))).containsExactlyInAnyOrder("ops", "manager");
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().contains(item + " is overdue"));
    assertThat(as("mia").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + key + "/report").body()).contains("(overdue, escalated)");

    completeItem(retro, item, "mia", "ordered SSDs");
    verifyItem(retro, item, true, null);
    assertThat(retro).hasPassed("Task_RemindOwner", "Task_EscalateItem").isEnded();
  }

  @Test
  void managersRequestRetrospectivesByHandAndBadRequestsAreRefused() {
    Response created = as("mia").post("/api/retrospectives",
        "{\"service\":\"web-portal\",\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-20T00:00:00Z\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("retrospective").path("retroKey").asText();
    assertThat(key).matches("RETRO-\\d{4}-\\d{4,}");
    assertThat(created.json().path("retrospective").path("subjectType").asText()).isEqualTo("manual");
    assertThat(created.json().path("retrospective").path("state").asText()).isEqualTo("preparing");
    assertThat(as("olivia").get("/api/retrospectives?service=web-portal&state=preparing").json()
        .findValuesAsText("retroKey")).contains(key);
    long before = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM retrospective");
    assertThat(as("olivia").post("/api/retrospectives",
        "{\"service\":\"web-portal\",\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-20T00:00:00Z\"}").status())
        .isEqualTo(403);
    assertThat(as("mia").post("/api/retrospectives",
        "{\"service\":\"web-portal\",\"from\":\"2026-11-20T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}").status())
        .isEqualTo(400);
    assertThat(as("mia").post("/api/retrospectives",
        "{\"service\":\"ghost\",\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-20T00:00:00Z\"}").status())
        .isEqualTo(400);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM retrospective")).isEqualTo(before);
    assertThat(as("olivia").get("/api/retrospectives/RETRO-1999-0001").status()).isEqualTo(404);
  }

  @Test
  void aManagerRequestsOneInTasklist() {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Retrospectives.PROCESS_KEY).latestVersion().singleResult().getId();
    processEngine.getIdentityService().setAuthentication("mia", List.of("manager"));
    ProcessInstance retro;
    try {
      assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definitionId,
          Map.of("service", "reporting", "windowStart", "yesterday", "windowEnd", "2026-11-20T00:00Z")))
          .hasMessageContaining("windowStart must be a date and time");
      retro = processEngine.getFormService().submitStartForm(definitionId,
          Map.of("service", "reporting", "windowStart", "2026-11-01T00:00Z", "windowEnd", "2026-11-20T00:00Z"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    Retrospective created = retrospectives.get(retro.getBusinessKey());
    assertThat(created.requestedBy()).isEqualTo("mia");
    assertThat(created.serviceKey()).isEqualTo("reporting");
    assertThat(retro).isWaitingAt("Task_Prepare");
  }

  // --- helpers

  private String closedCabChange() {
    String change = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"3.0","title":"Checkout rework","changeType":"normal","tests":"passed",
         "hasDbMigration":true,"requestedBy":"olivia"}""".formatted(SERVICE)).json().path("changeKey").asText();
    approveAll(change);
    api().bearer("demo-ci-token").post("/api/changes/" + change + "/deployment", "{\"status\":\"succeeded\"}");
    String process = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(change)
        .singleResult().getId();
    Job window = processEngine.getManagementService().createJobQuery().processInstanceId(process).timers().singleResult();
    processEngine.getManagementService().executeJob(window.getId());
    Task confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(process).singleResult();
    processEngine.getTaskService().claim(confirm.getId(), "quinn");
    processEngine.getTaskService().complete(confirm.getId(), Map.of("confirmedInProduction", true));
    return change;
  }

  private void approveAll(String change) {
    Map<String, String> approvers = Map.of("ops", "oscar", "dev", "devon", "qa", "quinn", "manager", "mia");
    for (Task task : processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(change)
        .taskDefinitionKey("Task_ApproveChange").list()) {
      String group = (String) processEngine.getTaskService().getVariable(task.getId(), "approverGroup");
      processEngine.getTaskService().claim(task.getId(), approvers.get(group));
      processEngine.getTaskService().complete(task.getId(), Map.of("approved", true));
    }
  }

  private String workedP2Incident() {
    return workedP2Incident(SERVICE, "Checkout slow", "performance", List.of("olivia", "oscar", "quinn"));
  }

  /** A P2 security incident, worked by the security team to its close: it requests a retrospective. */
  private String workedSecurityIncident() {
    return workedP2Incident(SECURITY_SERVICE, "Leaked API key used", "security", List.of("sasha", "sasha", "sasha"));
  }

  /** Reported, triaged (ops diagnose; security for a security incident), mitigated, verified and closed. */
  private String workedP2Incident(String service, String title, String category, List<String> triageDiagnoseVerify) {
    String incident = as("olivia").post("/api/incidents", """
        {"service":"%s","title":"%s","impact":"medium","urgency":"high","category":"%s"}"""
        .formatted(service, title, category)).json().path("incidentKey").asText();
    String process = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .singleResult().getId();
    runJobs(process);
    completeOnly(process, triageDiagnoseVerify.get(0),
        Map.of("diagnosisGroup", "security".equals(category) ? "security" : "ops", "category", category));
    completeOnly(process, triageDiagnoseVerify.get(1), Map.of("resolutionSummary", "fixed it"));
    completeOnly(process, triageDiagnoseVerify.get(2), Map.of("verified", true));
    runJobs(process);
    return incident;
  }

  /** The report's content type as this Accept header (none when null) gets it, or the status when it is not 200. */
  private String report(String key, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/retrospectives/"
        + key + "/report")).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("olivia:demo".getBytes(StandardCharsets.UTF_8)));
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return String.valueOf(response.statusCode());
    }
    assertThat(response.body()).contains("Retrospective " + key);
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** An incident ops reported: its key. */
  private String reported(String service, String title, String impact, String urgency) {
    return as("olivia").post("/api/incidents", """
        {"service":"%s","title":"%s","impact":"%s","urgency":"%s"}""".formatted(service, title, impact, urgency))
        .json().path("incidentKey").asText();
  }

  private long readerGrants(ProcessInstance process) {
    return processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("dev", "qa")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).resourceId(process.getId()).count();
  }

  private void completeOnly(String process, String user, Map<String, Object> variables) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process).singleResult();
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private void runJobs(String process) {
    processEngine.getManagementService().createJobQuery().processInstanceId(process).executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }

  private ProcessInstance byHand(String service) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(Retrospectives.PROCESS_KEY,
        new HashMap<>(Map.of("service", service, "windowStart", Date.from(Instant.now().minus(Duration.ofDays(30))),
            "windowEnd", new Date(), "requestedBy", "mia")));
  }

  /**
   * By hand, a minute from now, for a window that includes what just happened (the database keeps
   * whole seconds, so a window ending now may end in the second an incident opened).
   */
  private ProcessInstance byHandAMinuteFromNow(String service) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(60)));
    return processEngine.getRuntimeService().startProcessInstanceByKey(Retrospectives.PROCESS_KEY,
        new HashMap<>(Map.of("service", service, "windowStart", Date.from(Instant.now().minus(Duration.ofDays(1))),
            "windowEnd", Date.from(Instant.now().plus(Duration.ofHours(1))), "requestedBy", "mia")));
  }

  private void sendRequest(String type, String subject) {
    processEngine.getRuntimeService().createMessageCorrelation(Retrospectives.MESSAGE_REQUESTED)
        .setVariable("subjectType", type).setVariable("subjectKey", subject).correlateStartMessage();
  }

  private long retrospectivesFor(String subject) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM retrospective WHERE subject_key = '" + subject + "'");
  }

  private ProcessInstance retrospectiveOf(String subject) {
    String key = retrospectives.bySubject(subject).orElseThrow().retroKey();
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
  }

  private Object variable(ProcessInstance process, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName(name).singleResult().getValue();
  }

  private Job timer(ProcessInstance process) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
  }

  private void complete(ProcessInstance process, String definitionKey, String user, Map<String, Object> variables) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private Task itemTask(ProcessInstance process, String definitionKey, String item) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).list().stream()
        .filter(task -> item.equals(processEngine.getTaskService().getVariable(task.getId(), "actionItemKey")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + definitionKey + " for " + item));
  }

  private Job itemTimer(ProcessInstance process, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId(activityId).timers().list().get(0);
  }

  private void completeItem(ProcessInstance process, String item, String user, String note) {
    Task task = itemTask(process, "Task_ImplementImprovement", item);
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), Map.of("implementationNote", note));
  }

  private void verifyItem(ProcessInstance process, String item, boolean verified, String note) {
    Task task = itemTask(process, "Task_VerifyImprovement", item);
    processEngine.getTaskService().claim(task.getId(), "quinn");
    Map<String, Object> variables = new HashMap<>();
    variables.put("improvementVerified", verified);
    variables.put("verificationNote", note);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> candidates(ProcessInstance process, String definitionKey) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
    return candidateGroups(task);
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private void ensureService(String key, int tier) {
    if (catalog.find(key).isEmpty()) {
      catalog.create(new ServiceDraft(key, "Retrospective test service", tier, "dev", "ops", List.of()));
    }
  }

  private static void execute(Job job) {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(job);
  }
}
