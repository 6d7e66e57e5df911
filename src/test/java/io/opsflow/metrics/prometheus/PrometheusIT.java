package io.opsflow.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * Prometheus's view of OpsFlow: who may scrape {@code /actuator/prometheus}, that its series follow
 * what happens to alerts, incidents and changes, and that every series the Grafana dashboard and the
 * alert rules in {@code docs/} query is one OpsFlow exports.
 */
class PrometheusIT extends IntegrationTest {

  private static final String PATH = "/actuator/prometheus";
  private static final String SERVICE = "prom-svc";
  /** Has restricted incidents only. */
  private static final String HIDDEN_SERVICE = "prom-hidden";
  private static final String WEBHOOK = "/api/alerts/alertmanager";
  /** Series Prometheus makes itself for every scrape target. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");
  /** What Prometheus 2.x asks for: OpenMetrics first, the classic text format as a fallback. */
  private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
      + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  @Autowired
  OpenWork openWork;

  @Autowired
  Incidents incidents;

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  TransactionTemplate transaction;

  @BeforeEach
  void service() {
    ensureService(SERVICE);
  }

  private void ensureService(String key) {
    if (catalog.find(key).isEmpty()) {
      catalog.create(new ServiceDraft(key, "Prometheus test " + key, 3, "dev", "ops", List.of()));
    }
  }

  @Test
  void monitoringAccountsManagersAndAdministratorsScrapeNobodyElse() {
    assertThat(api().anonymous().get(PATH).status()).isEqualTo(401);
    assertThat(api().bearer("not-a-token").get(PATH).status()).isEqualTo(401);
    assertThat(api().bearer("demo-ci-token").get(PATH).status()).as("a ci service account").isEqualTo(403);
    assertThat(api().bearer("demo-feedback-token").get(PATH).status()).isEqualTo(403);
    assertThat(as("olivia").get(PATH).status()).as("ops").isEqualTo(403);
    assertThat(as("devon").get(PATH).status()).as("dev").isEqualTo(403);

    Response bearer = monitoring().get(PATH);
    assertThat(bearer.status()).isEqualTo(200);
    assertThat(bearer.header("Content-Type")).startsWith("application/openmetrics-text");
    assertThat(api().basic("alertmanager", "demo-alert-token").withHeader("Accept", "text/plain").get(PATH).status())
        .isEqualTo(200);
    assertThat(as("mia").withHeader("Accept", "text/plain").get(PATH).status()).as("a manager").isEqualTo(200);
    assertThat(as("admin").withHeader("Accept", "text/plain").get(PATH).status()).isEqualTo(200);
    assertThat(api().anonymous().get("/actuator/health").status()).as("still the one open URL").isEqualTo(200);
  }

  @Test
  void seriesCountAlertsIncidentsSlaBreachesChangesAndEngineWork() {
    Map<String, Double> before = scrape();

    String suffix = Fixtures.uniqueSuffix();
    String firing = Fixtures.alertmanager("firing-two-alerts", suffix);
    assertThat(monitoring().post(WEBHOOK, firing).status()).isEqualTo(202);
    assertThat(monitoring().post(WEBHOOK, firing).status()).isEqualTo(202);
    assertThat(monitoring().post(WEBHOOK, Fixtures.alertmanager("resolved-payments", suffix)).status()).isEqualTo(202);
    assertThat(monitoring().post(WEBHOOK, Fixtures.alertmanager("resolved-payments", Fixtures.uniqueSuffix())).status())
        .isEqualTo(202);
    String breached = incidentWithMissedAcknowledgement();
    String change = changeDeployedAndClosed();
    openWork.refresh();
    Map<String, Double> after = scrape();

    assertThat(increase(before, after, "opsflow_alerts_received_total{outcome=\"new\"}")).isEqualTo(2);
    assertThat(increase(before, after, "opsflow_alerts_received_total{outcome=\"repeat\"}")).isEqualTo(2);
    assertThat(increase(before, after, "opsflow_alerts_received_total{outcome=\"resolved\"}")).isEqualTo(1);
    assertThat(increase(before, after, "opsflow_alerts_received_total{outcome=\"ignored\"}")).isEqualTo(1);
    assertThat(increase(before, after, "opsflow_incidents_opened_total{source=\"alertmanager\"}")).isEqualTo(2);
    assertThat(increase(before, after, "opsflow_incidents_opened_total{source=\"api\"}")).isEqualTo(1);
    assertThat(increase(before, after, "opsflow_incident_sla_breaches_total{priority=\"P3\",sla=\"acknowledge\"}"))
        .as(breached).isEqualTo(1);
    assertThat(increase(before, after, "opsflow_incidents_closed_total{outcome=\"sla-missed\",priority=\"P3\"}"))
        .as(breached).isEqualTo(1);
    assertThat(increase(before, after,
        "opsflow_changes_ended_total{outcome=\"succeeded\",service=\"" + SERVICE + "\",type=\"standard\"}")).as(change)
        .isEqualTo(1);
    assertThat(increase(before, after, "opsflow_change_gate_wait_seconds_count{result=\"approved\"}")).isEqualTo(1);
    assertThat(after).containsKey("opsflow_change_gate_wait_seconds_bucket{result=\"approved\",le=\"60.0\"}");
    assertThat(sum(after, "opsflow_incidents_open{", "service=\"payments-api\""))
        .as("the payments alert's incident is open (its alert resolved, nobody confirmed closure)").isGreaterThanOrEqualTo(1);
    assertThat(increase(before, after, "opsflow_engine_process_instances_started_total")).isGreaterThanOrEqualTo(4);
    assertThat(increase(before, after, "opsflow_engine_activity_instances_started_total")).isGreaterThan(20);
    assertThat(increase(before, after, "opsflow_engine_decision_instances_evaluated_total")).isGreaterThan(3);
    assertThat(increase(before, after, "opsflow_engine_jobs_executed_total{result=\"success\"}")).isGreaterThan(2);
    assertThat(after).containsKeys("opsflow_engine_incidents_open", "opsflow_notifications_total{kind=\"dingtalk\",outcome=\"failed\"}");
    assertThat(after.keySet()).anyMatch(series -> series.startsWith("http_server_requests_seconds_count{")
        && series.contains("uri=\"/api/alerts/alertmanager\""));
    assertThat(after.keySet()).as("the uri label is the route template, never the key itself")
        .noneMatch(series -> series.startsWith("http_server_requests") && series.contains(change));
  }

  @Test
  void openRestrictedIncidentsAreCountedButNotWhere() {
    ensureService(HIDDEN_SERVICE);
    transaction.execute(status -> incidents.open(new IncidentReport(HIDDEN_SERVICE, "Leaked credentials", "found in a log",
        "high", "high", IncidentSource.API, "sasha", "security")));
    openWork.refresh();
    Map<String, Double> scraped = scrape();

    assertThat(scraped.keySet()).noneMatch(series -> series.contains(HIDDEN_SERVICE));
    assertThat(sum(scraped, "opsflow_incidents_open{", "service=\"restricted\"")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void everySeriesTheDashboardAndTheAlertRulesQueryIsExported() {
    incidentWithMissedAcknowledgement();
    changeDeployedAndClosed();
    openWork.refresh();
    Set<String> exported = new TreeSet<>(PROMETHEUS_OWN);
    scrape().keySet().forEach(series -> exported.add(series.replaceFirst("\\{.*", "")));

    Map<String, Set<String>> missing = new TreeMap<>();
    MonitoringDocs.expressions().forEach((where, expression) -> PromQl.metricNames(expression).stream()
        .filter(name -> !exported.contains(name))
        .forEach(name -> missing.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));

    assertThat(MonitoringDocs.expressions()).hasSizeGreaterThan(30);
    assertThat(missing).as("series queried in docs/ that OpsFlow does not export").isEmpty();
  }

  /** A P3 incident whose acknowledge target passes before anyone takes it, then worked and closed. */
  private String incidentWithMissedAcknowledgement() {
    String key = transaction.execute(status -> incidents.open(new IncidentReport(SERVICE, "Slow reports",
        "seen by users", "medium", "medium", IncidentSource.API, "olivia")).incidentKey());
    ProcessInstance process = processOf(key);
    execute(job("Task_NotifyOnCall", process));
    Incident open = incidents.find(key).orElseThrow();
    ClockUtil.setCurrentTime(Date.from(open.ackDueAt().plusSeconds(1)));
    execute(processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId("Timer_AckSlaBreached").timers().singleResult());
    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia",
        Map.of("category", "outage", "diagnosisGroup", "ops"));
    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "restarted"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    execute(job("Task_CloseIncident", process));
    ClockUtil.reset();
    return key;
  }

  /** A standard change from CI: through the gate at once, deployed, closed after its verification window. */
  private String changeDeployedAndClosed() {
    Response created = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"2.%d","title":"Prometheus test","changeType":"standard","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(SERVICE, System.nanoTime() % 100000));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("changeKey").asText();
    assertThat(api().bearer("demo-ci-token").post("/api/changes/" + key + "/deployment", "{\"status\":\"succeeded\"}")
        .status()).isEqualTo(200);
    ProcessInstance process = processOf(key);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2))));
    execute(job("Timer_VerificationOver", process));
    ClockUtil.reset();
    return key;
  }

  private Api monitoring() {
    return api().bearer("demo-alert-token").withHeader("Accept", PROMETHEUS_ACCEPT);
  }

  /** Every sample of the scrape, by series ({@code name{labels}}). */
  private Map<String, Double> scrape() {
    Response response = monitoring().get(PATH);
    assertThat(response.status()).isEqualTo(200);
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int split = line.lastIndexOf(' ');
      samples.put(line.substring(0, split), Double.parseDouble(line.substring(split + 1)));
    }
    return samples;
  }

  /** The sum of the series of one name whose labels contain this text. */
  private static double sum(Map<String, Double> samples, String namePrefix, String label) {
    return samples.entrySet().stream().filter(sample -> sample.getKey().startsWith(namePrefix)
        && sample.getKey().contains(label)).mapToDouble(Map.Entry::getValue).sum();
  }

  private static double increase(Map<String, Double> before, Map<String, Double> after, String series) {
    assertThat(after).as("exported").containsKey(series);
    return after.get(series) - before.getOrDefault(series, 0.0);
  }

  private ProcessInstance processOf(String key) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult();
  }

  private Task task(String definitionKey, ProcessInstance process) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }

  private void claimAndComplete(Task task, String user, Map<String, Object> variables) {
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }
}
