package io.opsflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.Api.Response;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * feedback-triage: the daily timer groups new negatives and suggestions per service and topic into one
 * task each and takes nothing twice; nothing new opens nothing; each decision (accept, answer, dismiss)
 * with its bad input refused; an overdue triage goes to the managers.
 */
@FullProcessCoverage("feedback-triage")
class FeedbackTriageProcessIT extends IntegrationTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  FeedbackTriages triages;

  @Test
  void theDailyRunGroupsNegativesAndSuggestionsPerTopicIntoOneTaskEachAndTakesNothingTwice() {
    String service = service("triage-daily");
    post(service, "支付失败，太慢了", "支付总是失败，很差", "付款时支付失败了，太糟糕", "Login keeps failing, terrible app",
        "The login is broken again, awful", "Please add dark mode, would be nice", "Great app, love it");

    Job timer = dailyTimer();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
    ProcessInstance run = executeRunJobs(timer);

    assertThat(run).hasPassed("Task_GroupFeedback").hasPassed("End_TriagesOpened").isEnded();
    Map<String, Triage> byTopic = new HashMap<>();
    triagesOf(service).forEach(triage -> byTopic.put(triage.topic(), triage));
    assertThat(byTopic).containsOnlyKeys("支付", "login", "add");
    assertThat(byTopic.get("支付").itemCount()).isEqualTo(3);
    assertThat(byTopic.get("login").itemCount()).isEqualTo(2);
    assertThat(byTopic.get("add").itemCount()).as("a suggestion, though not negative").isOne();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM feedback WHERE service_key = '" + service
        + "' AND triage_key IS NULL")).as("the praise is nobody's task").isOne();

    Triage payments = byTopic.get("支付");
    ProcessInstance process = instance(payments.key());
    assertThat(process).isWaitingAt("Task_TriageFeedback");
    Task task = task(process);
    assertThat(candidateGroups(task)).containsExactly("team-" + service);
    assertThat(task.getDueDate().toInstant()).isEqualTo(payments.dueAt());
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), payments.dueAt())).isEqualTo(Duration.ofDays(3));
    Map<String, Object> variables = processEngine.getTaskService().getVariables(task.getId());
    assertThat(variables).containsEntry("service", service).containsEntry("topic", "支付").containsEntry("itemCount", 3);
    assertThat((String) variables.get("samples")).contains("支付总是失败，很差").contains("付款时支付失败了");
    assertThat((String) variables.get("period")).contains("UTC");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM feedback_triage WHERE triage_key = '"
        + payments.key() + "' AND process_instance_id = '" + process.getId() + "'")).isOne();

    Response again = as("mia").post("/api/feedback/triage/run", "");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().path("triages").findValuesAsText("service")).doesNotContain(service);
    assertThat(triagesOf(service)).hasSize(3);
    assertThat(as("olivia").post("/api/feedback/triage/run", "").status()).as("managers only").isEqualTo(403);

    Job next = dailyTimer();
    assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    ClockUtil.setCurrentTime(Date.from(next.getDuedate().toInstant().plusSeconds(1)));
    assertThat(executeRunJobs(next)).hasPassed("End_NothingToTriage").isEnded();
    assertThat(triagesOf(service)).hasSize(3);
  }

  @Test
  void acceptingIntoTheBacklogNeedsALinkAndRecordsIt() {
    String service = service("triage-accept");
    post(service, "Checkout crashes every time, awful", "Checkout crashes again, terrible");
    Triage triage = onlyTriage(service);
    ProcessInstance process = instance(triage.key());
    Task task = task(process);
    String developer = "devon";

    Response missing = as(developer).post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"accept\"}}}");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    assertThat(missing.json().path("message").asText()).contains("backlogLink is required");
    assertThatThrownBy(() -> complete(task, developer, Map.of("decision", "accept", "backlogLink", "see jira")))
        .hasMessageContaining("backlogLink must be an http(s) address or a ticket id");
    assertThatThrownBy(() -> complete(task, developer, Map.of("decision", "fix it")))
        .hasMessageContaining("decision must be accept, answer or dismiss");
    assertThat(process).as("refused: still open").isWaitingAt("Task_TriageFeedback");

    complete(task, developer, Map.of("decision", "accept", "backlogLink", "https://jira.example.com/browse/PAY-123"));

    assertThat(process).hasPassed("Task_AcceptIntoBacklog", "End_Accepted").isEnded();
    Triage accepted = triages.get(triage.key(), false);
    assertThat(accepted.state()).isEqualTo(TriageState.ACCEPTED);
    assertThat(accepted.backlogLink()).isEqualTo("https://jira.example.com/browse/PAY-123");
    assertThat(accepted.decidedBy()).isEqualTo(developer);
    assertThat(accepted.decidedAt()).isNotNull();
    assertThat(accepted.reply()).isNull();
  }

  @Test
  void answeringTheUsersStoresTheReplyOnEveryItemAndOnlyTheDevGroupOpsAndManagersReadIt() {
    String service = service("triage-answer");
    post(service, "很差 😡", "太差了 🙄");
    Triage triage = onlyTriage(service);
    assertThat(triage.topic()).as("no complaint term").isEqualTo(FeedbackTriages.OTHER);
    ProcessInstance process = instance(triage.key());
    Task task = task(process);

    assertThatThrownBy(() -> complete(task, "devon", Map.of("decision", "answer", "reply", " ")))
        .hasMessageContaining("reply is required");
    assertThatThrownBy(() -> complete(task, "devon", Map.of("decision", "answer", "reply", "x".repeat(2001))))
        .hasMessageContaining("reply must be at most 2000 characters");
    String reply = "已在 3.2 版修复，感谢反馈 🙏";
    complete(task, "devon", Map.of("decision", "answer", "reply", reply));

    assertThat(process).hasPassed("Task_AnswerUsers", "End_Answered").isEnded();
    JsonNode items = as("quinn").get("/api/feedback?service=" + service).json().path("items");
    assertThat(items).hasSize(2);
    items.forEach(item -> {
      assertThat(item.path("reply").asText()).isEqualTo(reply);
      assertThat(item.path("triage").asText()).isEqualTo(triage.key());
    });
    Response read = as("devon").get("/api/feedback/triage/" + triage.key());
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path("state").asText()).isEqualTo("answered");
    assertThat(read.json().path("reply").asText()).isEqualTo(reply);
    assertThat(read.json().path("items").findValuesAsText("text")).containsExactlyInAnyOrder("很差 😡", "太差了 🙄");
    assertThat(as("olivia").get("/api/feedback/triage?service=" + service + "&state=answered").json()
        .path("items").findValuesAsText("key")).containsExactly(triage.key());
    assertThat(as("quinn").get("/api/feedback/triage/" + triage.key()).status()).as("qa develops nothing").isEqualTo(404);
    assertThat(as("quinn").get("/api/feedback/triage?service=" + service).json().path("total").asLong()).isZero();
    assertThat(as("olivia").get("/api/feedback/triage?state=opened").status()).isEqualTo(400);
    assertThat(as("olivia").get("/api/feedback/triage/TRIAGE-1999-0001").status()).isEqualTo(404);
  }

  @Test
  void dismissingNeedsAReason() {
    String service = service("triage-dismiss");
    post(service, "The splash screen is ugly, hate it");
    Triage triage = onlyTriage(service);
    ProcessInstance process = instance(triage.key());
    Task task = task(process);

    assertThatThrownBy(() -> complete(task, "devon", Map.of("decision", "dismiss")))
        .hasMessageContaining("dismissReason is required");
    complete(task, "devon", Map.of("decision", "dismiss", "dismissReason", "a matter of taste; the design stays"));

    assertThat(process).hasPassed("Task_Dismiss", "End_Dismissed").isEnded();
    Triage dismissed = triages.get(triage.key(), false);
    assertThat(dismissed.state()).isEqualTo(TriageState.DISMISSED);
    assertThat(dismissed.dismissReason()).isEqualTo("a matter of taste; the design stays");
  }

  @Test
  void anOverdueTriageGoesToTheManagersWhoDecideIt() {
    String service = service("triage-overdue");
    post(service, "Search results are terrible", "Search is broken, awful");
    Triage triage = onlyTriage(service);
    ProcessInstance process = instance(triage.key());

    ClockUtil.setCurrentTime(Date.from(triage.dueAt().plusSeconds(60)));
    Job overdue = processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId("Timer_TriageOverdue").singleResult();
    processEngine.getManagementService().executeJob(overdue.getId());

    assertThat(process).hasPassed("Task_EscalateTriage").isWaitingAt("Task_TriageOverdue");
    Task managers = task(process);
    assertThat(candidateGroups(managers)).containsExactly("manager");
    assertThat(triages.get(triage.key(), false).escalatedAt()).isNotNull();

    assertThatThrownBy(() -> complete(managers, "mia", Map.of("decision", "accept", "backlogLink", "")))
        .hasMessageContaining("backlogLink is required");
    complete(managers, "mia", Map.of("decision", "accept", "backlogLink", "SEARCH-42"));

    assertThat(process).hasPassed("Task_AcceptIntoBacklog", "End_Accepted").isEnded();
    Triage decided = triages.get(triage.key(), false);
    assertThat(decided.state()).isEqualTo(TriageState.ACCEPTED);
    assertThat(decided.decidedBy()).isEqualTo("mia");
  }

  // --- helpers

  /** A new catalog service developed by a group of its own, of which devon is a member. */
  private String service(String prefix) {
    String key = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    var identity = processEngine.getIdentityService();
    identity.saveGroup(identity.newGroup("team-" + key));
    identity.createMembership("devon", "team-" + key);
    catalog.create(new ServiceDraft(key, "Triage test service", 3, "team-" + key, "ops", List.of()));
    return key;
  }

  private void post(String service, String... texts) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < texts.length; i++) {
      body.append(i == 0 ? "" : ",").append("{\"service\":\"").append(service).append("\",\"channel\":\"app-store\",")
          .append("\"externalId\":\"").append(service).append("-").append(i).append("\",\"text\":\"")
          .append(texts[i]).append("\"}");
    }
    Response response = api().bearer("demo-feedback-token").post("/api/feedback", body.append("]").toString());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  /** Runs the grouping (as a manager would) and gives the one triage it opened for the service. */
  private Triage onlyTriage(String service) {
    assertThat(as("mia").post("/api/feedback/triage/run", "").status()).isEqualTo(200);
    List<Triage> opened = triagesOf(service);
    assertThat(opened).hasSize(1);
    return opened.get(0);
  }

  private List<Triage> triagesOf(String service) {
    return triages.search(service, null, 0, 50, List.of("manager")).items();
  }

  private Job dailyTimer() {
    return processEngine.getManagementService().createJobQuery().processDefinitionKey(FeedbackTriages.PROCESS_KEY)
        .activityId("StartEvent_Daily").timers().singleResult();
  }

  /** The daily timer, then the run's asynchronous grouping step: the run's instance, ended. */
  private ProcessInstance executeRunJobs(Job timer) {
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance run = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FeedbackTriages.PROCESS_KEY).activityIdIn("Task_GroupFeedback").singleResult();
    assertThat(run).isWaitingAt("Task_GroupFeedback");
    executeDueJobs(run.getId());
    return run;
  }

  /** The running instance of a triage. */
  private ProcessInstance instance(String triageKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(triageKey)
        .singleResult();
  }

  private Task task(ProcessInstance process) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
  }

  /** Claims the task for the person (again, after a refusal) and completes it. */
  private void complete(Task task, String user, Map<String, Object> variables) {
    processEngine.getTaskService().setAssignee(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }
}
