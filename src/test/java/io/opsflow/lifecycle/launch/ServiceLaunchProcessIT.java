package io.opsflow.lifecycle.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
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

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.Changes;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.SubjectType;
import io.opsflow.support.Api.Response;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;
import io.opsflow.support.TestDatabase;

/**
 * service-launch: readiness as named results, the sign-offs (QA's load-test link required), go / no-go,
 * the launch change through change-release (succeeded or rejected), hypercare with a daily report by
 * moving the clock, and the service live with a launch retrospective; the API's refusals write nothing.
 */
@FullProcessCoverage("service-launch")
class ServiceLaunchProcessIT extends IntegrationTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  ServiceLifecycle lifecycle;

  @Autowired
  Launches launches;

  @Autowired
  Changes changes;

  @Autowired
  Retrospectives retrospectives;

  @Autowired
  RecordingChannel notifications;

  @Test
  void aLaunchGoesThroughReadinessSignOffsItsChangeAndHypercareToLiveWithARetrospective() {
    String service = planned("launch-live", "dev");
    Response created = launch(service, "{\"plannedDate\":\"%s\",\"version\":\"2.0\",\"hypercareDays\":2}"
        .formatted(launches.today()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("launch").path("launchKey").asText();
    assertThat(key).matches("LAUNCH-\\d{4}-\\d{4}");
    assertThat(created.header("Location")).endsWith("/api/launches/" + key);
    assertThat(created.json().path("launch").path("state").asText()).isEqualTo("preparing");
    String readiness = created.json().path("launch").path("readiness").asText();
    assertThat(readiness.lines()).hasSize(4);
    assertThat(readiness).contains("Emergency plan: ").contains("emergency-plan-service-outage")
        .contains("✔ Owning dev group: dev").contains("✘ Feedback channel: no feedback channel has sent feedback")
        .contains("On-call schedule: ");

    Response again = launch(service, "{\"plannedDate\":\"%s\",\"version\":\"2.1\"}".formatted(launches.today()));
    assertThat(again.status()).as("a second launch of the service").isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("already being launched (" + key + ")");

    ProcessInstance process = process(key);
    assertThat(process).hasPassed("Task_RegisterLaunch", "Task_CheckReadiness")
        .isWaitingAt("Task_SignOffOps", "Task_SignOffDev", "Task_SignOffQa");
    assertThat(candidateGroups(task(process, "Task_SignOffQa"))).containsExactly("qa");
    assertThat(task(process, "Task_SignOffQa").getDueDate()).as("signed off by the planned day")
        .isEqualTo(Date.from(launches.today().atStartOfDay(ZoneOffset.UTC).toInstant()));
    assertThat(processEngine.getTaskService().getVariable(task(process, "Task_SignOffOps").getId(), "readiness"))
        .isEqualTo(readiness);
    signOffAll(process);

    Task decide = task(process, "Task_DecideGoNoGo");
    assertThat(candidateGroups(decide)).containsExactly("manager");
    assertThat(decide.getDueDate()).as("decided by the planned day").isEqualTo(Date.from(launches.today().atStartOfDay(ZoneOffset.UTC).toInstant()));
    // the decision form shows what each group said when signing off
    assertThat((String) processEngine.getTaskService().getVariableLocal(decide.getId(), "signOffs"))
        .contains("ops (olivia, ").contains("runbook 已更新 ✅").contains("dev (devon, ").contains("no notes")
        .contains("qa (quinn, ").contains("p99 180 ms").contains("Load test: https://perf.example.com/runs/42");
    assertThatThrownBy(() -> complete(decide, "mia", Map.of("decision", "maybe")))
        .hasMessageContaining("decision must be go or no-go");
    complete(decide, "mia", Map.of("decision", "go"));

    assertThat(process).hasPassed("Task_OpenLaunchChange").isWaitingAt("Event_LaunchChangeEnded");
    String changeKey = launches.get(key).changeKey();
    assertThat(changes.get(changeKey).changeType().code()).isEqualTo("normal");
    assertThat(changes.get(changeKey).version()).isEqualTo("2.0");
    runChange(changeKey, true);

    assertThat(changes.get(changeKey).outcome()).isEqualTo(ChangeOutcome.SUCCEEDED);
    assertThat(process).hasPassed("Task_StartHypercare").isWaitingAt("Timer_ReportDue");
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.LAUNCHING);
    Instant started = launches.get(key).hypercareStartedAt();

    Job first = reportTimer(process);
    assertThat(first.getDuedate().toInstant()).isEqualTo(started.plus(Duration.ofDays(1)));
    passDay(first);
    assertThat(process).hasPassed("Task_SendLaunchReport").isWaitingAt("Timer_ReportDue");
    Launches.Details afterDayOne = launches.details(key);
    assertThat(afterDayOne.reports()).singleElement().satisfies(report -> {
      assertThat(report.day()).isOne();
      assertThat(report.text()).contains("day 1 of 2").contains("Deployments: 0")
          .contains("Incidents opened: 0 (P1 0, P2 0, P3 0, P4 0)").contains("Feedback: 0 items (day before 0)")
          .contains("Usage since the launch");
    });
    assertThat(notifications.about(key)).as("the managers hear of each report")
        .anyMatch(n -> n.subject().contains("Launch report " + key + ", day 1 of 2") && n.groups().contains("manager"));

    Job second = reportTimer(process);
    assertThat(second.getDuedate().toInstant()).isEqualTo(started.plus(Duration.ofDays(2)));
    passDay(second);

    assertThat(process).hasPassed("Task_CompleteLaunch", "End_Live").isEnded();
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.LIVE);
    Launch live = launches.get(key);
    assertThat(live.state()).isEqualTo(LaunchState.LIVE);
    assertThat(launches.details(key).reports()).hasSize(2);
    assertThat(launches.details(key).signOffs()).extracting(SignOff::group).containsExactlyInAnyOrder("ops", "dev", "qa");
    Retrospective retro = retrospectives.bySubject(key).orElseThrow();
    assertThat(retro.subjectType()).isEqualTo(SubjectType.LAUNCH);
    assertThat(retro.serviceKey()).isEqualTo(service);
    assertThat(retro.windowStart()).isEqualTo(started);
    assertThat(retro.windowEnd()).isEqualTo(live.endedAt());
    assertThat(catalog.get(service).lifecycle().history()).extracting(t -> t.to().code())
        .containsSubsequence("planned", "launching", "live");

    Response read = as("olivia").get("/api/launches/" + key);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("reports")).hasSize(2);
  }

  @Test
  void noGoEndsTheLaunchWithItsReasonsAndTheServiceMayBeLaunchedAgain() {
    String service = planned("launch-nogo", "dev");
    String key = launch(service, "{\"plannedDate\":\"%s\",\"version\":\"0.9 测试版\",\"feedbackNotApplicable\":true}"
        .formatted(launches.today())).json().path("launch").path("launchKey").asText();
    Launch launch = launches.get(key);
    assertThat(launch.hypercareDays()).isEqualTo(14);
    assertThat(launch.version()).isEqualTo("0.9 测试版");
    assertThat(launch.readiness()).contains("✔ Feedback channel: marked not applicable")
        .contains("✔ Owning dev group: dev");
    ProcessInstance process = process(key);
    signOffAll(process);

    Task decide = task(process, "Task_DecideGoNoGo");
    assertThatThrownBy(() -> complete(decide, "mia", Map.of("decision", "no-go")))
        .hasMessageContaining("reasons are required for a no-go");
    String reasons = "没有开发组负责 🙅 — find an owner first";
    complete(decide, "mia", Map.of("decision", "no-go", "reasons", reasons));

    assertThat(process).hasPassed("Task_RecordNoGo", "End_NoGo").isEnded();
    Launch ended = launches.get(key);
    assertThat(ended.state()).isEqualTo(LaunchState.NO_GO);
    assertThat(ended.decisionReasons()).isEqualTo(reasons);
    assertThat(ended.decidedBy()).isEqualTo("mia");
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.PLANNED);
    assertThat(launch(service, "{\"plannedDate\":\"%s\",\"version\":\"1.0\"}".formatted(launches.today())).status())
        .as("launched again").isEqualTo(201);
  }

  @Test
  void aRejectedLaunchChangeEndsTheLaunchFailedAndTheServiceStaysPlanned() {
    String service = planned("launch-failed", "dev");
    String key = launch(service, "{\"plannedDate\":\"%s\",\"version\":\"3.0\"}".formatted(launches.today()))
        .json().path("launch").path("launchKey").asText();
    ProcessInstance process = process(key);
    signOffAll(process);
    complete(task(process, "Task_DecideGoNoGo"), "mia", Map.of("decision", "go", "reasons", "all green"));
    String changeKey = launches.get(key).changeKey();

    runChange(changeKey, false);

    assertThat(process).hasPassed("Task_RecordLaunchFailed", "End_LaunchFailed").isEnded();
    Launch failed = launches.get(key);
    assertThat(failed.state()).isEqualTo(LaunchState.FAILED);
    assertThat(failed.decisionReasons()).contains(changeKey + " ended rejected").contains("stays planned");
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.PLANNED);
  }

  @Test
  void ofTwoLaunchesOfOneServiceRequestedAtOnceOneStartsAndTheOtherIsRefused() throws Exception {
    String service = planned("launch-race", "dev");
    String body = "{\"plannedDate\":\"%s\",\"version\":\"1.0\"}".formatted(launches.today());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Response> answers = new ArrayList<>();
    try {
      List<Future<Response>> sent = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sent.add(pool.submit(() -> {
          start.await();
          return launch(service, body);
        }));
      }
      start.countDown();
      for (Future<Response> answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
    Response refused = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("already being launched");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM service_launch WHERE service_key = '" + service + "'"))
        .isOne();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Launches.PROCESS_KEY)
        .variableValueEquals(LaunchSteps.SERVICE, service).count()).isOne();
  }

  @Test
  void aManagerLaunchesFromTasklistsStartForm() {
    String service = planned("launch-form", "dev");
    processEngine.getIdentityService().setAuthentication("mia", List.of("manager"));
    ProcessInstance process;
    try {
      String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(Launches.PROCESS_KEY).latestVersion().singleResult().getId();
      Map<String, Object> form = Map.of("service", service, "version", "1.0", "plannedDate",
          launches.today().toString(), "hypercareDays", 3L);
      process = processEngine.getFormService().submitStartForm(definition, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(process.getBusinessKey()).matches("LAUNCH-\\d{4}-\\d{4}");
    Launch launch = launches.get(process.getBusinessKey());
    assertThat(launch.requestedBy()).isEqualTo("mia");
    assertThat(launch.hypercareDays()).isEqualTo(3);
    assertThat(process).isWaitingAt("Task_SignOffOps", "Task_SignOffDev", "Task_SignOffQa");
  }

  @Test
  void badInputIsRefusedWithAProblemAndWritesNothing() {
    String service = planned("launch-bad", "dev");
    String today = launches.today().toString();
    long before = launchRows();
    Map<String, String> bad = Map.of(
        "{\"plannedDate\":\"2026-02-30\",\"version\":\"1.0\"}", "plannedDate must be a date",
        "{\"plannedDate\":\"2000-01-01\",\"version\":\"1.0\"}", "plannedDate must lie between today",
        "{\"plannedDate\":\"" + today + "\",\"version\":\" \"}", "version must be 1-100 characters",
        "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\",\"hypercareDays\":0}", "hypercareDays must be 1-90",
        "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\",\"hypercareDays\":91}", "hypercareDays must be 1-90",
        "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\",\"hypercareDays\":\"many\"}", "hypercareDays",
        "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\",\"surprise\":1}", "surprise");
    bad.forEach((body, message) -> {
      Response refused = launch(service, body);
      assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().toString()).contains(message);
    });
    assertThat(launch("no-such-service", "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\"}").status())
        .isEqualTo(404);
    String running = "launch-running-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    catalog.create(new ServiceDraft(running, "Already live", 2, "dev", "ops", List.of(), "live"));
    Response live = launch(running, "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\"}");
    assertThat(live.status()).as(live.toString()).isEqualTo(409);
    assertThat(live.json().path("detail").asText()).contains("only a planned service is launched");
    assertThat(as("olivia").post("/api/services/" + service + "/launch",
        "{\"plannedDate\":\"" + today + "\",\"version\":\"1.0\"}").status()).as("managers launch").isEqualTo(403);
    assertThat(api().post("/api/services/" + service + "/launch", "{}").status()).isEqualTo(401);
    assertThat(as("mia").get("/api/launches/LAUNCH-1999-0001").status()).isEqualTo(404);
    assertThat(launchRows()).isEqualTo(before);
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.PLANNED);
  }

  // --- helpers

  private String planned(String prefix, String devGroup) {
    String key = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    catalog.create(new ServiceDraft(key, "Launch test " + key, 2, devGroup, "ops", List.of()));
    return key;
  }

  private Response launch(String service, String body) {
    return as("mia").post("/api/services/" + service + "/launch", body);
  }

  private ProcessInstance process(String key) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey(Launches.PROCESS_KEY).singleResult();
  }

  private Task task(ProcessInstance process, String definitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), new HashMap<>(variables));
  }

  private void signOffAll(ProcessInstance process) {
    complete(task(process, "Task_SignOffOps"), "olivia", Map.of("notes", "runbook 已更新 ✅"));
    complete(task(process, "Task_SignOffDev"), "devon", Map.of());
    Task qa = task(process, "Task_SignOffQa");
    assertThatThrownBy(() -> complete(qa, "quinn", Map.of("notes", "fine")))
        .hasMessageContaining("loadTestResult is required");
    assertThatThrownBy(() -> complete(qa, "quinn", Map.of("loadTestResult", "see the wiki")))
        .hasMessageContaining("loadTestResult must be an http(s) address");
    complete(qa, "quinn", Map.of("loadTestResult", "https://perf.example.com/runs/42", "notes", "p99 180 ms"));
    assertThat(process).isWaitingAt("Task_DecideGoNoGo");
  }

  /** Approves (or ops rejects) the launch change; an approved one is deployed and verified. */
  private void runChange(String changeKey, boolean succeed) {
    String changeProcess = processInstanceId(changeKey);
    var tasks = processEngine.getTaskService();
    if (!succeed) {
      Task ops = tasks.createTaskQuery().processInstanceId(changeProcess).taskDefinitionKey("Task_ApproveChange")
          .taskCandidateGroup("ops").singleResult();
      complete(ops, "olivia", Map.of("approved", false, "comment", "not this week"));
      return;
    }
    for (String[] approver : new String[][] {{"ops", "olivia"}, {"dev", "devon"}, {"qa", "quinn"}}) {
      Task approval = tasks.createTaskQuery().processInstanceId(changeProcess).taskDefinitionKey("Task_ApproveChange")
          .taskCandidateGroup(approver[0]).singleResult();
      complete(approval, approver[1], Map.of("approved", true));
    }
    Response deployed = api().bearer("demo-ci-token").post("/api/changes/" + changeKey + "/deployment",
        "{\"status\":\"succeeded\",\"url\":\"https://ci.example/deploy/" + changeKey + "\"}");
    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201, 202, 204);
    Job verification = processEngine.getManagementService().createJobQuery().processInstanceId(changeProcess)
        .timers().singleResult();
    ClockUtil.setCurrentTime(Date.from(verification.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(verification.getId());
    Task confirm = tasks.createTaskQuery().processInstanceId(changeProcess).taskDefinitionKey("Task_ConfirmInProduction")
        .singleResult();
    if (confirm != null) {
      complete(confirm, "quinn", Map.of("confirmedInProduction", true));
    }
  }

  private Job reportTimer(ProcessInstance process) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers()
        .activityId("Timer_ReportDue").singleResult();
  }

  private void passDay(Job timer) {
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(timer.getId());
  }

  private long launchRows() {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM service_launch");
  }
}
