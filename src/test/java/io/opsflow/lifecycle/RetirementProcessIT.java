package io.opsflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeClosed;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.incident.IncidentCategory;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.support.Api.Response;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;
import io.opsflow.support.TestDatabase;

/**
 * service-retirement: a dependent blocks the retirement until its team really removes the dependency
 * (checked again); then notice, data and rights in parallel with the notice period (clock moved), the
 * shutdown change, retired. A failed shutdown (a real rejection, then a roll-back) goes to a manager: retry,
 * then abandon. Bad requests are
 * refused with nothing written; a second concurrent retirement is refused.
 */
@FullProcessCoverage("service-retirement")
class RetirementProcessIT extends IntegrationTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  ServiceLifecycle lifecycle;

  @Autowired
  Changes changes;

  @Autowired
  Incidents incidents;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  RecordingChannel notifications;

  @Autowired
  TransactionTemplate transaction;

  @Test
  void retiringAServiceWaitsForItsDependentsThenNoticeDataAndRightsAndRetiresItAfterTheShutdownChange() {
    String payments = service("payments-api", List.of());
    String portal = service("web-portal", List.of(payments));

    Response started = as("mia").post("/api/services/" + payments + "/retirement",
        "{\"shutdownDate\":\"" + today().plusDays(30) + "\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String key = started.json().path("key").asText();
    assertThat(key).matches("RETIRE-\\d{4}-\\d{4}");
    assertThat(started.json().path("noticeDays").asInt()).isEqualTo(30);
    Response second = as("mia").post("/api/services/" + payments + "/retirement",
        "{\"shutdownDate\":\"" + today().plusDays(60) + "\"}");
    assertThat(second.status()).as("one retirement at a time").isEqualTo(409);
    assertThat(second.json().path("detail").asText()).contains(key);

    ProcessInstance process = instance(key);
    assertThat(process).isWaitingAt("Task_RemoveDependency");
    Task removal = task(process, "Task_RemoveDependency");
    assertThat(removal.getName()).isEqualTo("Remove dependency on " + payments);
    assertThat(candidateGroups(removal)).containsExactly("team-" + portal);
    complete(removal, "devon", Map.of());
    assertThat(process).as("the catalog still says web-portal depends on it: asked again")
        .isWaitingAt("Task_RemoveDependency");
    assertThat(lifecycle.stateOf(payments)).isEqualTo(LifecycleState.LIVE);

    catalog.update(new ServiceDraft(portal, "Retirement test service", 3, "team-" + portal, "ops", List.of()));
    complete(task(process, "Task_RemoveDependency"), "devon", Map.of());

    assertThat(process).hasPassed("Task_DeprecateService").isWaitingAt("Task_PublishNotice");
    assertThat(lifecycle.stateOf(payments)).isEqualTo(LifecycleState.DEPRECATED);
    assertThat(catalog.get(payments).lifecycle().history().get(1).process().businessKey()).isEqualTo(key);
    Task notice = task(process, "Task_PublishNotice");
    assertThat(candidateGroups(notice)).containsExactly("ops");
    assertThatThrownBy(() -> complete(notice, "olivia", Map.of("noticeText", " ")))
        .hasMessageContaining("noticeText is required");
    String text = "支付服务将于 " + today().plusDays(30) + " 下线，请导出您的数据 📦";
    complete(notice, "olivia", Map.of("noticeText", text));

    assertThat(process).hasPassed("Task_SendNotice")
        .isWaitingAt("Timer_ShutdownDate", "Task_ExportData", "Task_ConfirmRights");
    assertThat(notifications.about(key)).as("sent as a notice").singleElement().satisfies(sent -> {
      assertThat(sent.subject()).contains(payments).contains(today().plusDays(30).toString());
      assertThat(sent.body()).contains(text);
    });
    spikeIncident(payments);

    Task export = task(process, "Task_ExportData");
    assertThat(candidateGroups(export)).containsExactly("team-" + payments);
    Object shutdownAt = processEngine.getRuntimeService().getVariable(process.getId(), "shutdownAt");
    assertThat(shutdownAt).isNotNull();
    assertThat(List.of(export, task(process, "Task_ConfirmRights"))).as("ready by the shutdown date")
        .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(shutdownAt));
    assertThatThrownBy(() -> complete(export, "devon", Map.of())).hasMessageContaining("dataLocation is required");
    complete(export, "devon", Map.of("dataLocation", "s3://archive/payments 归档"));
    Task verify = task(process, "Task_VerifyMigration");
    assertThat(verify.getDueDate()).isEqualTo(shutdownAt);
    assertThat(candidateGroups(verify)).containsExactly("qa");
    complete(verify, "quinn", Map.of("migrationVerified", "false"));
    complete(task(process, "Task_ExportData"), "devon", Map.of("dataLocation", "s3://archive/payments-2"));
    complete(task(process, "Task_VerifyMigration"), "quinn", Map.of("migrationVerified", true));

    Task rights = task(process, "Task_ConfirmRights");
    assertThat(candidateGroups(rights)).containsExactly("manager");
    assertThatThrownBy(() -> complete(rights, "mia", Map.of("refundsHandled", true, "balancesHandled", true)))
        .hasMessageContaining("subscriptionsHandled must be ticked");
    complete(rights, "mia", Map.of("refundsHandled", true, "balancesHandled", true, "subscriptionsHandled", true));
    assertThat(process).as("the notice period runs").isWaitingAt("Timer_ShutdownDate");

    String change = passShutdownDate(process, today().plusDays(30));
    assertThat(changes.get(change).serviceKey()).isEqualTo(payments);
    assertThat(changes.get(change).changeType()).isEqualTo(ChangeType.NORMAL);
    changeEnded(change, payments, ChangeOutcome.SUCCEEDED);

    assertThat(process).hasPassed("Task_RetireService", "End_Retired").isEnded();
    assertThat(lifecycle.stateOf(payments)).isEqualTo(LifecycleState.RETIRED);
    JsonNode record = as("olivia").get("/api/retirements/" + key).json();
    assertThat(record.path("state").asText()).isEqualTo("retired");
    assertThat(record.path("notice").path("text").asText()).isEqualTo(text);
    assertThat(record.path("notice").path("publishedBy").asText()).isEqualTo("olivia");
    assertThat(record.path("dataLocation").asText()).isEqualTo("s3://archive/payments-2");
    assertThat(record.path("migrationVerifiedBy").asText()).isEqualTo("quinn");
    assertThat(record.path("rightsConfirmedBy").asText()).isEqualTo("mia");
    assertThat(record.path("shutdownChange").asText()).isEqualTo(change);
    assertThat(record.path("feedbackIncidents").findValuesAsText("title")).containsExactly("Negative feedback spike");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM lifecycle_retirement WHERE retirement_key = '"
        + key + "' AND notice_text = '" + text + "' AND active_service_key IS NULL")).isOne();
  }

  @Test
  void aFailedShutdownGoesToAManagerWhoRetriesThenAbandonsAndTheServiceStaysDeprecated() {
    String service = service("legacy-api", List.of());
    String key = retire(service, "{\"shutdownDate\":\"" + today().plusDays(7) + "\",\"noticeDays\":7}");
    ProcessInstance process = instance(key);
    assertThat(process).hasPassed("Task_CheckDependents").hasNotPassed("Task_RemoveDependency").isWaitingAt("Task_PublishNotice");
    complete(task(process, "Task_PublishNotice"), "olivia", Map.of("noticeText", "legacy-api ends in a week"));
    complete(task(process, "Task_ExportData"), "devon", Map.of("dataLocation", "nothing to keep: no user data"));
    complete(task(process, "Task_VerifyMigration"), "quinn", Map.of("migrationVerified", "true"));
    complete(task(process, "Task_ConfirmRights"), "mia",
        Map.of("refundsHandled", true, "balancesHandled", true, "subscriptionsHandled", true));

    String first = passShutdownDate(process, today().plusDays(7));
    ProcessInstance shutdown = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(first).processDefinitionKey(Changes.PROCESS_KEY).singleResult();
    Task approval = processEngine.getTaskService().createTaskQuery().processInstanceId(shutdown.getId())
        .taskDefinitionKey("Task_ApproveChange").taskCandidateGroup("dev").singleResult();
    complete(approval, "devon", Map.of("approved", false, "comment", "the batch jobs still call it"));
    assertThat(shutdown).as("the real change was rejected").isEnded();
    Task decide = task(process, "Task_DecideShutdownFailure");
    assertThat(candidateGroups(decide)).containsExactly("manager");
    assertThatThrownBy(() -> complete(decide, "mia", Map.of("shutdownDecision", "later")))
        .hasMessageContaining("shutdownDecision must be retry or abandon");
    complete(decide, "mia", Map.of("shutdownDecision", "retry"));

    String second = (String) processEngine.getRuntimeService().getVariable(process.getId(), "shutdownChangeKey");
    assertThat(second).isNotEqualTo(first);
    changeEnded(second, service, ChangeOutcome.ROLLED_BACK);
    complete(task(process, "Task_DecideShutdownFailure"), "mia", Map.of("shutdownDecision", "abandon"));

    assertThat(process).hasPassed("Task_AbandonRetirement", "End_Abandoned").isEnded();
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.DEPRECATED);
    assertThat(as("mia").get("/api/retirements/" + key).json().path("state").asText()).isEqualTo("abandoned");
    Response again = as("mia").post("/api/services/" + service + "/retirement",
        "{\"shutdownDate\":\"" + today().plusDays(30) + "\"}");
    assertThat(again.status()).as("a deprecated service may be retired again").isEqualTo(201);
  }

  @Test
  void aNoticePublishedLateMovesTheShutdownSoUsersGetTheWholeNoticePeriod() {
    String service = service("late-notice-api", List.of());
    LocalDate asked = today().plusDays(7);
    String key = retire(service, "{\"shutdownDate\":\"" + asked + "\",\"noticeDays\":7}");
    ProcessInstance process = instance(key);
    LocalDate published = today().plusDays(3);
    ClockUtil.setCurrentTime(Date.from(published.atTime(10, 0).toInstant(ZoneOffset.UTC)));

    complete(task(process, "Task_PublishNotice"), "olivia", Map.of("noticeText", "late-notice-api ends soon"));

    LocalDate moved = published.plusDays(7);
    assertThat(as("mia").get("/api/retirements/" + key).json().path("shutdownDate").asText()).isEqualTo(moved.toString());
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers()
        .activityId("Timer_ShutdownDate").singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(moved.atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(notifications.about(key)).singleElement()
        .satisfies(sent -> assertThat(sent.subject()).contains(moved.toString()).doesNotContain(asked.toString()));
  }

  @Test
  void aRestrictedSpikeIncidentIsListedInTheRecordOnlyForThoseWhoReadRestrictedIncidents() {
    String service = service("watched-api", List.of());
    String key = retire(service, "{\"shutdownDate\":\"" + today().plusDays(30) + "\"}");
    String open = spikeIncident(service);
    String restricted = spikeIncident(service);
    transaction.executeWithoutResult(status -> incidents.classify(restricted, IncidentCategory.SECURITY, "olivia"));
    assertThat(incidents.restricted(restricted)).isTrue();

    for (String reader : List.of("mia", "olivia", "sasha", "admin")) {
      assertThat(as(reader).get("/api/retirements/" + key).json().path("feedbackIncidents").findValuesAsText("key"))
          .as(reader + " reads restricted incidents").containsExactlyInAnyOrder(open, restricted);
    }
    for (String reader : List.of("devon", "quinn")) {
      Response record = as(reader).get("/api/retirements/" + key);
      assertThat(record.json().path("feedbackIncidents").findValuesAsText("key")).as(reader).containsExactly(open);
      assertThat(record.body()).as(reader + " learns nothing of it").doesNotContain(restricted);
      assertThat(as(reader).get("/api/incidents/" + restricted).status()).as("as the incident API").isEqualTo(404);
    }
  }

  @Test
  void ofTwoRetirementsRequestedAtOnceOneStartsAndTheOtherIsRefused() throws Exception {
    String service = service("concurrent-api", List.of());
    String body = "{\"shutdownDate\":\"" + today().plusDays(30) + "\"}";
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return as("mia").post("/api/services/" + service + "/retirement", body);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM lifecycle_retirement WHERE service_key = '"
        + service + "'")).isOne();
  }

  @Test
  void badRequestsAreRefusedAndWriteNothing() {
    String service = service("refused-api", List.of());
    String path = "/api/services/" + service + "/retirement";
    Map<String, String> bad = Map.of(
        "{\"shutdownDate\":\"" + today().plusDays(29) + "\"}", "at least 30 days",
        "{\"shutdownDate\":\"" + today().plusDays(5) + "\",\"noticeDays\":7}", "at least 7 days",
        "{\"shutdownDate\":\"2027-02-30\"}", "shutdownDate must be a date",
        "{\"shutdownDate\":\"" + today().plusDays(40) + "\",\"noticeDays\":0}", "noticeDays must be 1-365",
        "{}", "shutdownDate must be a date");
    bad.forEach((body, message) -> {
      Response refused = as("mia").post(path, body);
      assertThat(refused.status()).as(body + " " + refused).isEqualTo(400);
      assertThat(refused.header("Content-Type")).contains("application/problem+json");
      assertThat(refused.json().path("detail").asText()).as(body).contains(message);
    });
    String good = "{\"shutdownDate\":\"" + today().plusDays(30) + "\"}";
    assertThat(as("olivia").post(path, good).status()).as("managers only").isEqualTo(403);
    assertThat(api().post(path, good).status()).isEqualTo(401);
    assertThat(as("mia").post("/api/services/no-such-service/retirement", good).status()).isEqualTo(404);
    String planned = "planned-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    catalog.create(new ServiceDraft(planned, "Not yet launched", 3, "dev", "ops", List.of()));
    assertThat(as("mia").post("/api/services/" + planned + "/retirement", good).status()).isEqualTo(409);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM lifecycle_retirement WHERE service_key IN ('"
        + service + "', '" + planned + "')")).isZero();
    assertThat(as("olivia").get("/api/retirements/RETIRE-1999-0001").status()).isEqualTo(404);
  }

  @Test
  void aManagerStartsARetirementInTasklistAndTheFormIsCheckedAgainOnTheServer() {
    String service = service("tasklist-api", List.of());
    Map<String, Object> form = new HashMap<>(Map.of("service", service, "shutdownDate", today().plusDays(3).toString()));
    processEngine.getIdentityService().setAuthentication("mia", List.of("manager"));
    try {
      assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definitionId(), form))
          .hasMessageContaining("at least 30 days");
      form.put("noticeDays", 3L);
      ProcessInstance process = processEngine.getFormService().submitStartForm(definitionId(), form);
      assertThat(process.getBusinessKey()).matches("RETIRE-\\d{4}-\\d{4}");
      assertThat(process).isWaitingAt("Task_PublishNotice");
      assertThat(as("mia").get("/api/retirements/" + process.getBusinessKey()).json().path("requestedBy").asText())
          .isEqualTo("mia");
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  // --- helpers

  /** A new live catalog service developed by a group of its own, of which devon is a member. */
  private String service(String prefix, List<String> dependsOn) {
    String key = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    var identity = processEngine.getIdentityService();
    identity.saveGroup(identity.newGroup("team-" + key));
    identity.createMembership("devon", "team-" + key);
    catalog.create(new ServiceDraft(key, "Retirement test service", 3, "team-" + key, "ops", dependsOn, "live"));
    return key;
  }

  /** mia retires the service: the retirement's key. */
  private String retire(String service, String body) {
    Response started = as("mia").post("/api/services/" + service + "/retirement", body);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().path("key").asText();
  }

  private String spikeIncident(String service) {
    return transaction.execute(status -> incidents.open(new IncidentReport(service, "Negative feedback spike",
        "12 negative items in an hour", "medium", "medium", IncidentSource.FEEDBACK, "mia"))).incidentKey();
  }

  /** Moves the clock past the shutdown date, fires the timer: the shutdown change is requested. */
  private String passShutdownDate(ProcessInstance process, LocalDate shutdown) {
    ClockUtil.setCurrentTime(Date.from(shutdown.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
    executeDueJobs(process.getId());
    assertThat(process).hasPassed("Timer_ShutdownDate", "Task_RequestShutdownChange")
        .isWaitingAt("Event_ShutdownChangeEnded");
    return (String) processEngine.getRuntimeService().getVariable(process.getId(), "shutdownChangeKey");
  }

  /** The shutdown change's change-release ends (as its close step announces it). */
  private void changeEnded(String change, String service, ChangeOutcome outcome) {
    transaction.executeWithoutResult(status -> events.publishEvent(new ChangeClosed(change, service,
        ChangeType.NORMAL, ApprovalRoute.PEER, outcome, null, Instant.now(), Instant.now())));
  }

  private String definitionId() {
    return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("service-retirement")
        .latestVersion().singleResult().getId();
  }

  /** Today as OpsFlow sees it (the engine clock, moved by the tests). */
  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private ProcessInstance instance(String key) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("service-retirement").singleResult();
  }

  private Task task(ProcessInstance process, String activityId) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(activityId).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    processEngine.getTaskService().setAssignee(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }
}
