package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * The figures API on MariaDB: JSON and CSV, who sees which services' figures, bad input, and a
 * change's commit time from {@code POST /api/changes} to the lead time. The history is written
 * into a service of this run's own (dev group qa, on call ops), in February 2026.
 */
class MetricsApiIT extends IntegrationTest {

  private static final String PERIOD = "from=2026-02-02T00:00:00Z&to=2026-02-16T00:00:00Z&interval=week";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  DataSource dataSource;
  @Autowired
  DeploymentIncidents links;

  private String service;
  private History history;

  @BeforeEach
  void history() throws Exception {
    String suffix = Fixtures.uniqueSuffix();
    service = "metrics" + suffix;
    Response created = as("mia").post("/api/services", JSON.writeValueAsString(Map.of("key", service,
        "name", "Metrics 指标 📈", "tier", 2, "devGroup", "qa", "onCallGroup", "ops")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    history = new History(new JdbcTemplate(dataSource), links);
    String c = "CHG" + suffix;
    String i = "INC" + suffix;
    history.change(c + "1", service, "normal", "succeeded", "2026-02-02T10:00", "2026-02-02T08:00", null, null, null, null);
    history.change(c + "2", service, "normal", "succeeded", "2026-02-03T10:00", "2026-02-01T10:00", null, null, null, null);
    history.incident(i + "a", service, "2026-02-03T10:10", "P2", "alertmanager", "2026-02-03T10:15", "2026-02-03T11:00",
        30, 240);
    history.incident(i + "b", service, "2026-02-03T10:20", "P2", "api", "2026-02-03T11:00", "2026-02-03T12:00", 30, 240);
    history.timeline(i + "b", "escalated");
    history.timeline(i + "b", "escalated");
    history.change(c + "3", service, "normal", "failed", "2026-02-04T10:00", null, null, i + "3", "failed", null);
    history.incident(i + "3", service, "2026-02-04T10:05", "P1", "change", "2026-02-04T10:10", "2026-02-04T10:30", 15, 60);
    history.change(c + "4", service, "normal", "succeeded", "2026-02-10T10:00", "2026-02-10T09:00", null, null,
        "rolled-back", "2026-02-10T11:00");
    history.change(c + "5", service, "emergency", "succeeded", "2026-02-11T10:00", "2026-02-11T09:30", i + "b", null,
        null, null);
    // restricted (security): counted only for those who read restricted incidents
    history.incident(i + "6", service, "2026-02-11T15:00", "P1", "api", "2026-02-11T15:01", "2026-02-11T15:30", 15, 60);
    new JdbcTemplate(dataSource).update("UPDATE incident SET restricted = TRUE WHERE incident_key = ?", i + "6");
    history.retrospective("RETRO" + suffix, service, "closed", "2026-02-05T12:00");
    history.item("RETRO" + suffix + "-A1", "RETRO" + suffix, "2026-02-03", "2026-02-03T18:00");
    history.item("RETRO" + suffix + "-A2", "RETRO" + suffix, "2026-02-10", null);
  }

  @Test
  void deliveryFiguresOfAServiceAsJson() {
    Response response = as("mia").get("/api/metrics/delivery?service=" + service + "&" + PERIOD);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode figures = response.json();
    assertThat(figures.path("services")).hasSize(1);
    // 4 successful deployments in 14 days; lead times 1800, 3600, 7200, 172800
    assertThat(figures.path("deploymentFrequency").path("value").asDouble()).isEqualTo(4 / 14.0);
    assertThat(figures.path("deploymentFrequency").path("band").asText()).isEqualTo("high");
    assertThat(figures.path("changeLeadTime").path("value").asDouble()).isEqualTo(3600);
    assertThat(figures.path("changeLeadTime").path("p90").asDouble()).isEqualTo(172_800);
    // deployments 1-5; 2 (two incidents, once), 3 (failed) and 4 (rolled back) failed
    assertThat(figures.path("changeFailRate").path("value").asDouble()).isEqualTo(0.6);
    assertThat(figures.path("changeFailRate").path("count").asLong()).isEqualTo(5);
    assertThat(figures.path("changeFailRate").path("band").asText()).isEqualTo("low");
    assertThat(figures.path("failedDeploymentRecoveryTime").path("value").asDouble()).isEqualTo(3600);
    assertThat(figures.path("deploymentReworkRate").path("value").asDouble()).isEqualTo(0.2);
    assertThat(figures.path("deploymentReworkRate").has("band")).isFalse();
    assertThat(figures.path("series")).hasSize(2);
    assertThat(figures.path("series").get(1).path("start").asText()).isEqualTo("2026-02-09T00:00:00Z");
    assertThat(figures.path("series").get(1).path("deploymentReworkRate").path("value").asDouble()).isEqualTo(0.5);
  }

  @Test
  void incidentFiguresCountRestrictedIncidentsOnlyForTheirReaders() {
    JsonNode ops = as("olivia").get("/api/metrics/incidents?service=" + service + "&" + PERIOD).json();
    JsonNode qa = as("quinn").get("/api/metrics/incidents?service=" + service + "&" + PERIOD).json();

    assertThat(ops.path("incidentsByPriority").path("P1").path("value").asInt()).isEqualTo(2);
    assertThat(qa.path("incidentsByPriority").path("P1").path("value").asInt()).isEqualTo(1);
    // acknowledged after 60 s (restricted), 300, 300, 2400
    assertThat(ops.path("mtta").path("value").asDouble()).isEqualTo(300);
    assertThat(ops.path("mtta").path("count").asInt()).isEqualTo(4);
    assertThat(qa.path("mtta").path("count").asInt()).isEqualTo(3);
    assertThat(qa.path("slaAttainment").path("P2").path("acknowledge").path("value").asDouble()).isEqualTo(0.5);
    assertThat(qa.path("incidentsBySource").path("failedChange").path("value").asInt()).isEqualTo(1);
    assertThat(qa.path("escalations").path("value").asInt()).isEqualTo(1);
  }

  @Test
  void practiceFiguresAsCsv() {
    Response response = as("quinn").withHeader("Accept", "text/csv").get("/api/metrics/practice?service=" + service
        + "&" + PERIOD);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/csv");
    List<String> rows = response.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("start,end,figure,key,value,unit,band,p90,count");
    assertThat(rows).contains(
        "2026-02-02T00:00:00Z,2026-02-16T00:00:00Z,actionItemsOnTime,,0.5,ratio,,,2",
        "2026-02-02T00:00:00Z,2026-02-16T00:00:00Z,overdueActionItems,,1.0,action items,,,1",
        "2026-02-02T00:00:00Z,2026-02-09T00:00:00Z,retrospectivesCompleted,,1.0,retrospectives,,,1");
  }

  @Test
  void slaAttainmentInCsvNamesPriorityAndTarget() {
    Response response = as("olivia").withHeader("Accept", "text/csv, application/json;q=0.5")
        .get("/api/metrics/incidents?service=" + service + "&" + PERIOD);

    assertThat(response.body().lines()).contains(
        "2026-02-02T00:00:00Z,2026-02-16T00:00:00Z,slaAttainment,P2.acknowledge,0.5,ratio,,,2",
        "2026-02-02T00:00:00Z,2026-02-16T00:00:00Z,mttr,,1800.0,seconds,,6000.0,4");
  }

  @Test
  void staffSeeOnlyTheirGroupsServices() {
    // devon is in dev: the service is qa's, on call ops
    Response devon = as("devon").get("/api/metrics/delivery?service=" + service + "&" + PERIOD);
    assertThat(devon.status()).as(devon.toString()).isEqualTo(403);
    assertThat(devon.header("Content-Type")).startsWith("application/problem+json");
    assertThat(as("devon").get("/api/metrics/delivery?team=qa&" + PERIOD).status()).isEqualTo(403);
    JsonNode own = as("devon").get("/api/metrics/delivery?" + PERIOD).json();
    assertThat(textsOf(own.path("services"))).doesNotContain(service);
    assertThat(as("olivia").get("/api/metrics/delivery?service=" + service + "&" + PERIOD).status()).isEqualTo(200);
    assertThat(textsOf(as("quinn").get("/api/metrics/practice?team=qa&" + PERIOD).json().path("services")))
        .contains(service);
    assertThat(as("mia").get("/api/metrics/delivery?" + PERIOD).json().has("services")).as("all services").isFalse();
    assertThat(as("admin").get("/api/metrics/incidents?team=qa&" + PERIOD).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWithAProblem() {
    for (String query : List.of("from=2026-02-16T00:00:00Z&to=2026-02-02T00:00:00Z", "interval=hour",
        "from=2023-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "service=ghost-service", "team=nobody",
        "service=" + service + "&team=dev", "from=yesterday", "service=a%20b")) {
      Response response = as("mia").withHeader("Accept", "text/csv").get("/api/metrics/delivery?" + query);
      assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
      assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).as(query).isNotBlank();
    }
    assertThat(as("mia").get("/api/metrics/delivery?from=2024-02-16T00:00:00Z&to=2026-02-16T00:00:00Z").status())
        .as("two years exactly").isEqualTo(200);
  }

  @Test
  void aChangesCommitTimeIsStoredAndValidated() throws Exception {
    Response unknown = api().bearer("demo-ci-token").post("/api/changes", change("2026-11-01T08:00:00Z", "NOPE-1999-0001"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.json().path("detail").asText()).contains("fixesIncident");
    Response ahead = api().bearer("demo-ci-token").post("/api/changes",
        change(Instant.now().plusSeconds(3600).toString(), null));
    assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
    assertThat(ahead.json().path("detail").asText()).contains("committedAt");
    Response old = api().bearer("demo-ci-token").post("/api/changes", change("2020-01-01T00:00:00Z", null));
    assertThat(old.status()).as(old.toString()).isEqualTo(400);

    String committed = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString();
    String incident = as("olivia").post("/api/incidents", JSON.writeValueAsString(Map.of("service", service,
        "title", "Broken", "impact", "low", "urgency", "low"))).json().path("incidentKey").asText();
    Response created = api().bearer("demo-ci-token").post("/api/changes", change(committed, incident));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode change = as("quinn").get("/api/changes/" + created.json().path("changeKey").asText()).json();
    assertThat(change.path("committedAt").asText()).isEqualTo(committed);
    assertThat(change.path("fixesIncident").asText()).isEqualTo(incident);
  }

  private String change(String committedAt, String fixesIncident) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("service", service, "version", "2.0", "title", "提交 🚀",
        "changeType", "emergency", "tests", "passed", "hasDbMigration", false, "committedAt", committedAt));
    if (fixesIncident != null) {
      body.put("fixesIncident", fixesIncident);
    }
    return JSON.writeValueAsString(body);
  }

  private static List<String> textsOf(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
