package io.opsflow.support;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run OpsFlow in-process against the real MariaDB/MySQL server, with the
 * demo data. All of them share one application context and one database, recreated once per run.
 */
// first, so that its afterAll runs after the SpringExtension has written the coverage report
@ExtendWith(ProcessCoverageGate.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "opsflow.demo.enabled=true",
    // other tests count what they make: no history under them
    "opsflow.demo.history.enabled=false",
    "opsflow.admin.user=admin",
    "opsflow.admin.password=demo",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.hikari.maximum-pool-size=20",
    "opsflow.secret-key=" + IntegrationTest.SECRET_KEY,
    "opsflow.feedback.hash-key=" + IntegrationTest.FEEDBACK_HASH_KEY,
    // tests run the notification dispatcher themselves, with the clock where they want it
    "opsflow.notify.delivery.enabled=false",
    // tests run the feedback spike detector themselves, for the services they made
    "opsflow.feedback.spike.enabled=false"})
@ActiveProfiles("mysql")
// metrics as in production: /actuator/prometheus answers (Spring Boot's tests leave it out by default)
@AutoConfigureObservability(tracing = false)
@Import({RecordingChannel.class, ScriptedChannels.class, ProcessEngineCoverageConfiguration.class})
public abstract class IntegrationTest {

  public static final String DATABASE = TestDatabase.name("opsflow_test");
  /** The key sealing notification channel targets and secrets in tests. */
  public static final String SECRET_KEY = "dGVzdC1rZXktb2YtdGhlLWludGVncmF0aW9uLXRlc3Q=";
  /** The key of the feedback module's user-reference hash in tests. */
  public static final String FEEDBACK_HASH_KEY = "test-feedback-hash-key-of-the-integration-tests";
  /** A catalog service whose deploy hook points at {@link HookReceiver}; tests create the service. */
  public static final String HOOKED_SERVICE = "chg-hooked";
  public static final String HOOK_PATH = "/jenkins/job/chg-hooked/build";
  public static final String HOOK_SECRET = "test-hook-secret";
  /** Emergency-plan actions call HookReceiver at this path plus the action name. */
  public static final String ACTION_PATH = "/actions/";
  private static String url;

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine processEngine;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", IntegrationTest::url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add("opsflow.changes.deploy-hooks." + HOOKED_SERVICE + ".url", () -> HookReceiver.shared().url(HOOK_PATH));
    registry.add("opsflow.changes.deploy-hooks." + HOOKED_SERVICE + ".secret", () -> HOOK_SECRET);
    registry.add("opsflow.changes.deploy-hooks." + HOOKED_SERVICE + ".headers.Authorization", () -> "Bearer jenkins-token");
    for (String action : List.of("status-page-incident", "freeze-writes", "isolate-hosts")) {
      registry.add("opsflow.emergency.actions." + action + ".url", () -> HookReceiver.shared().url(ACTION_PATH + action));
      registry.add("opsflow.emergency.actions." + action + ".secret", () -> HOOK_SECRET);
    }
  }

  private static synchronized String url() {
    if (url == null) {
      url = TestDatabase.recreate(DATABASE);
    }
    return url;
  }

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  protected Api api() {
    return Api.at(port);
  }

  protected Api as(String user) {
    return api().basic(user, "demo");
  }

  /**
   * Starts the test process with one task per group (ops, dev, qa, manager; src/test/resources/bpmn),
   * deployed at its first use.
   */
  protected ProcessInstance startTaskVisibilityProcess() {
    if (processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("test-task-visibility").count() == 0) {
      processEngine.getRepositoryService().createDeployment()
          .addClasspathResource("bpmn/task-visibility.bpmn").name("test").deploy();
    }
    return processEngine.getRuntimeService().startProcessInstanceByKey("test-task-visibility");
  }

  /** The id of the running process instance with this business key. */
  protected String processInstanceId(String businessKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult().getId();
  }

  /** Runs the jobs of one process instance that are due now (the job executor is off in tests). */
  protected void executeDueJobs(String processInstanceId) {
    processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
  }
}
