package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * The bad-input corpus. Every {@code /api} endpoint, as Spring's handler mappings list them (an
 * endpoint without an entry here fails the run), gets a generated table of bad requests: wrong
 * types, numbers for text and dates, null, arrays and objects for scalars, oversize text,
 * out-of-range dates and numbers, duplicate keys, trailing junk, invalid UTF-8, bad path keys,
 * bad query parameters, wrong content types and empty bodies. None may answer 5xx; every 4xx is an
 * RFC 9457 problem with a detail; a refused request writes no row (every OpsFlow table and
 * Camunda's executions, process history and variables are counted before and after). Each entry's
 * good request is sent once too, so a refusal proves the one bad part was refused; its answer
 * carries no internals.
 */
class BadInputCorpusIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
  private static final String OVERSIZE = "x".repeat(100_000);
  /** What answers never carry: a caller's idempotency key and request hash, row ids, engine ids, secrets. */
  private static final List<String> INTERNALS = List.of("idempotencyKey", "requestHash", "entryId", "processInstanceId",
      "tokenHash");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Autowired
  DataSource dataSource;

  /** Must a bad request be refused (4xx), or may it also succeed (null for an optional field)? */
  enum Expect { REFUSED, NOT_5XX }

  /** One endpoint: a caller allowed to use it, a path with real keys, and a request it accepts. */
  record Endpoint(String method, String pattern, Api caller, String path, String body, List<String> badQueries,
      boolean alertLeniency, String contentType) {

    Endpoint(String method, String pattern, Api caller, String path, String body, List<String> badQueries,
        boolean alertLeniency) {
      this(method, pattern, caller, path, body, badQueries, alertLeniency, "application/json");
    }

    boolean hasBody() {
      return body != null;
    }

    boolean isUpload() {
      return contentType.startsWith("multipart/");
    }
  }

  /** Paths with a body limit of their own ({@code ApiBodyLimit}); the others have opsflow.api.max-body-size (1 MB). */
  private static final Map<String, Integer> OWN_BODY_LIMITS = Map.of("/api/feedback", 8 * 1024 * 1024);
  private static final String UPLOAD_BOUNDARY = "corpus-upload";

  record Case(Endpoint endpoint, String name, String path, String contentType, byte[] body, Expect expect) {
  }

  @TestFactory
  Stream<DynamicTest> noBadRequestFailsOrWritesAnything() {
    List<Endpoint> endpoints = endpoints();
    Set<String> corpus = endpoints.stream().map(endpoint -> endpoint.method() + " " + endpoint.pattern())
        .collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(apiEndpoints());
    missing.removeAll(corpus);
    assertThat(missing).as("API endpoints without corpus entries: add them to BadInputCorpusIT.endpoints()").isEmpty();
    List<String> tables = countedTables();

    Stream<DynamicTest> good = endpoints.stream().filter(endpoint -> !"DELETE".equals(endpoint.method()))
        .map(endpoint -> DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.pattern() + ": the good request",
            () -> {
              Response response = endpoint.caller().send(endpoint.method(), endpoint.path(), endpoint.contentType(),
                  endpoint.hasBody() ? endpoint.body().getBytes(StandardCharsets.UTF_8) : null);
              assertThat(response.status()).as(response.toString()).isBetween(200, 299);
              if (response.header("Content-Type").startsWith("application/json")) {
                assertThat(fieldNames(response.json())).as("internals in " + response)
                    .doesNotContainAnyElementsOf(INTERNALS);
              }
            }));
    Endpoint firstWithBody = endpoints.stream().filter(endpoint -> endpoint.hasBody() && !endpoint.isUpload())
        .findFirst().orElseThrow();
    List<Case> cases = new ArrayList<>(extendedCases(firstWithBody));
    endpoints.forEach(endpoint -> cases.addAll(cases(endpoint)));
    Map<String, Long> rows = new LinkedHashMap<>();
    Stream<DynamicTest> bad = cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.endpoint().method() + " " + c.endpoint().pattern() + ": " + c.name(),
            () -> check(c, tables, rows)));
    return Stream.concat(good, bad);
  }

  @Test
  void keysInBodiesMatchExactlyAndATrailingSpaceNamesNothing() {
    String incident = as("olivia").post("/api/incidents",
        "{\"service\":\"reporting\",\"title\":\"Exact keys\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    Map<String, Long> before = counts(countedTables());

    List<Response> refused = List.of(
        as("mia").post("/api/services", json(Map.of("key", "exact" + Fixtures.uniqueSuffix(), "name", "Exact",
            "tier", 3, "devGroup", "dev "))),
        api().bearer("demo-ci-token").post("/api/changes", json(Map.of("service", "reporting", "version", "1.0",
            "title", "Exact", "changeType", "normal", "tests", "passed", "hasDbMigration", false,
            "requestedBy", "olivia "))),
        api().bearer("demo-ci-token").post("/api/changes", json(Map.of("service", "reporting ", "version", "1.0",
            "title", "Exact", "changeType", "normal", "tests", "passed", "hasDbMigration", false))),
        as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations", json(Map.of(
            "service", "reporting", "incidentKey", incident + " ", "drill", true))),
        as("mia").post("/api/retrospectives", json(Map.of("service", "reporting ", "from", "2026-01-01T00:00:00Z",
            "to", "2026-01-02T00:00:00Z"))));

    assertThat(refused).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(400));
    assertThat(counts(countedTables())).isEqualTo(before);
  }

  @Test
  void alertmanagerPayloadsAtTheLargestStoredSizesAreAcceptedAndStoredWhole() {
    String suffix = Fixtures.uniqueSuffix();
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("alertname", "告".repeat(200));
    labels.put("service", "payments-api");
    labels.put("severity", "严重🔥".repeat(10));
    labels.put("team", "支付团队 🚀".repeat(900).substring(0, 6_000));
    Map<String, Object> full = Map.of("status", "firing", "fingerprint", "whole" + suffix, "labels", labels,
        "annotations", Map.of("summary", "支付💳失败".repeat(166), "description", "详细 📝"),
        "startsAt", "2026-11-20T08:00:00Z", "generatorURL", "https://prometheus.example.com/" + "g".repeat(1969));
    List<Object> alerts = new ArrayList<>(List.of(full));
    // Alertmanager's largest batch: 499 more, resolved and unknown, each with big labels (about 6 MB in all)
    for (int i = 0; i < 499; i++) {
      alerts.add(Map.of("status", "resolved", "fingerprint", "gone" + i + suffix, "labels",
          Map.of("alertname", "Gone", "note", "旧 ".repeat(4000))));
    }
    String body = json(Map.of("version", "4", "status", "firing", "alerts", alerts));
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(5_000_000);

    Response response = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", body);

    assertThat(response.status()).as(response.toString().substring(0, 300)).isEqualTo(202);
    assertThat(response.json().path("ignored").size()).isEqualTo(499);
    JsonNode incident = as("olivia").get("/api/incidents/" + response.json().path("opened").get(0).asText()).json();
    JsonNode alert = incident.path("alerts").get(0);
    assertThat(alert.path("alertName").asText()).isEqualTo(labels.get("alertname"));
    assertThat(alert.path("severity").asText()).isEqualTo(labels.get("severity"));
    assertThat(alert.path("summary").asText()).isEqualTo("支付💳失败".repeat(166));
    assertThat(alert.path("generatorUrl").asText()).isEqualTo(full.get("generatorURL"));
    assertThat(alert.path("labels").path("team").asText()).isEqualTo(labels.get("team"));
    assertThat(incident.path("title").asText()).startsWith("支付💳失败").endsWith("...").hasSizeLessThanOrEqualTo(300);
    assertThat(incident.path("timeline").findValuesAsText("kind")).doesNotContain("alert-clipped");
  }

  @Test
  void alertsBeyondWhatTheColumnsHoldAreStoredClippedWithANoteAndStillDeduplicated() {
    String fingerprint = "f".repeat(300) + Fixtures.uniqueSuffix();
    String body = json(Map.of("version", "4", "status", "firing", "alerts", List.of(Map.of("status", "firing",
        "fingerprint", fingerprint, "startsAt", "+99999-01-01T00:00:00Z",
        "generatorURL", "https://prometheus.example.com/" + "g".repeat(3000),
        "labels", Map.of("alertname", "Disk🔥满了".repeat(100), "service", "payments-api", "severity", "critical".repeat(10),
            "huge", "标签🚀".repeat(90_000)),
        "annotations", Map.of("summary", "磁盘满 💾 ".repeat(500))))));

    Response first = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", body);
    Response repeat = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", body);

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    String key = first.json().path("opened").get(0).asText();
    assertThat(repeat.json().path("updated").get(0).asText()).as("the same alert, by its kept fingerprint").isEqualTo(key);
    JsonNode incident = as("olivia").get("/api/incidents/" + key).json();
    JsonNode alert = incident.path("alerts").get(0);
    assertThat(alert.path("fingerprint").asText()).startsWith("sha256:");
    assertThat(alert.path("severity").asText()).hasSize(40);
    assertThat(alert.path("alertName").asText()).hasSizeBetween(199, 200).startsWith("Disk🔥满了");
    assertThat(alert.path("summary").asText()).hasSizeBetween(999, 1000).startsWith("磁盘满 💾");
    assertThat(alert.path("generatorUrl").asText()).hasSize(2000);
    assertThat(alert.path("labels").path("service").asText()).isEqualTo("payments-api");
    assertThat(alert.path("labels").path("huge").asText()).hasSizeBetween(999, 1000).startsWith("标签🚀");
    assertThat(alert.path("startsAt").isMissingNode()).isTrue();
    assertThat(incident.path("description").asText()).hasSize(10_000);
    assertThat(alert.path("occurrences").asInt()).isEqualTo(2);
    String note = "";
    for (JsonNode entry : incident.path("timeline")) {
      note = "alert-clipped".equals(entry.path("kind").asText()) ? entry.path("message").asText() : note;
    }
    assertThat(note).contains("label severity cut from 80 to 40 characters")
        .contains("label alertname cut from 800 to 200").contains("annotation summary cut from 3500 to 1000 characters")
        .contains("generatorURL cut from").contains("description cut from").contains("labels (")
        .contains("fingerprint (").contains("startsAt +99999-01-01T00:00:00Z left out");
  }

  /**
   * Sends one bad request. The rows counted after the previous one (or after the good requests)
   * are what a refusal must leave unchanged.
   */
  private void check(Case c, List<String> tables, Map<String, Long> rows) {
    if (rows.isEmpty()) {
      rows.putAll(counts(tables));
    }
    Map<String, Long> before = Map.copyOf(rows);
    Response response = c.endpoint().caller().send(c.endpoint().method(), c.path(), c.contentType(), c.body());
    String what = c.endpoint().method() + " " + c.path() + " (" + c.name() + ") -> " + response.status() + " "
        + response.body().substring(0, Math.min(300, response.body().length()));
    assertThat(response.status()).as(what).isLessThan(500);
    if (c.expect() == Expect.REFUSED) {
      assertThat(response.status()).as(what).isBetween(400, 499);
    }
    if (response.status() >= 400) {
      assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).as(what).isNotBlank();
    }
    rows.putAll(counts(tables));
    if (response.status() >= 400) {
      assertThat(rows).as("rows after " + what).isEqualTo(before);
    }
  }

  private Set<String> apiEndpoints() {
    Set<String> endpoints = new LinkedHashSet<>();
    for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
      for (String pattern : mapping.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          mapping.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  /** The corpus' entries, with the records their paths name, made for this run. */
  private List<Endpoint> endpoints() {
    String suffix = Fixtures.uniqueSuffix();
    String service = "corpus" + suffix;
    Api olivia = as("olivia");
    Api mia = as("mia");
    Api admin = api().basic("admin", "demo");
    Api ci = api().bearer("demo-ci-token");
    Api alertmanager = api().bearer("demo-alert-token");
    created(mia.post("/api/services", json(Map.of("key", service, "name", "Corpus", "tier", 3, "devGroup", "dev"))));
    String change = created(ci.post("/api/changes", json(Map.of("service", service, "version", "1.0",
        "title", "Corpus", "changeType", "standard", "tests", "passed", "hasDbMigration", false))))
        .path("changeKey").asText();
    String incident = created(olivia.post("/api/incidents", json(Map.of("service", service, "title", "Corpus",
        "impact", "low", "urgency", "low")))).path("incidentKey").asText();
    String plan = "emergency-plan-service-outage";
    String activation = created(mia.post("/api/emergency-plans/" + plan + "/activations",
        json(Map.of("service", service, "drill", true)))).path("activationKey").asText();
    String toAbort = created(mia.post("/api/emergency-plans/" + plan + "/activations",
        json(Map.of("service", service, "drill", true)))).path("activationKey").asText();
    String retrospective = created(mia.post("/api/retrospectives", json(Map.of("service", service,
        "from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z")))).path("retrospective").path("retroKey").asText();
    String launchDate = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString();
    String launch = created(mia.post("/api/services/" + service + "/launch", json(Map.of("plannedDate", launchDate,
        "version", "1.0")))).path("launch").path("launchKey").asText();
    String launchable = "corpus-launchable" + suffix;
    created(mia.post("/api/services", json(Map.of("key", launchable, "name", "Corpus launchable", "tier", 3,
        "devGroup", "dev"))));
    String window = created(mia.post("/api/freeze-windows", json(Map.of("start", "2099-01-01T00:00:00Z",
        "end", "2099-01-02T00:00:00Z", "services", List.of(service), "reason", "corpus")))).path("id").asText();
    created(api().bearer("demo-feedback-token").post("/api/feedback", json(Map.of("service", service,
        "channel", "support", "text", "Checkout is broken, awful", "externalId", "corpus-triage" + suffix))));
    created(mia.post("/api/feedback/triage/run", ""));
    String triage = as("mia").get("/api/feedback/triage?service=" + service).json().path("items").get(0).path("key")
        .asText();
    String account = "corpus-bot" + suffix;
    created(admin.post("/api/service-accounts", json(Map.of("id", account, "group", "ci"))));
    String token = created(admin.post("/api/service-accounts/" + account + "/tokens", "{\"label\":\"corpus\"}"))
        .path("tokenId").asText();

    Map<String, Object> scheduleBody = Map.of("name", "Corpus 值班 🚨", "group", "ops", "members",
        List.of("olivia", "oscar"), "rotation", "weekly", "handoffTime", "09:00", "timeZone", "Asia/Shanghai",
        "start", "2026-01-05");
    String schedule = created(mia.post("/api/oncall/schedules", json(scheduleBody))).path("id").asText();
    String toDelete = created(mia.post("/api/oncall/schedules", json(scheduleBody))).path("id").asText();
    Map<String, Object> overrideBody = Map.of("userId", "oscar", "from", "2030-01-01T00:00:00Z",
        "to", "2030-01-02T00:00:00Z");
    String override = created(mia.post("/api/oncall/schedules/" + schedule + "/overrides", json(overrideBody)))
        .path("id").asText();
    Map<String, Object> policyBody = Map.of("levels", List.of(Map.of("afterMinutes", 0, "notify", "on-call"),
        Map.of("afterMinutes", 10, "notify", "schedule:" + schedule)));
    mia.put("/api/oncall/escalation-policies/services/" + service, json(policyBody));
    mia.put("/api/oncall/escalation-policies/groups/qa", json(policyBody));

    Map<String, Object> channelBody = Map.of("name", "Corpus 钉钉 🚨", "kind", "dingtalk",
        "target", "http://127.0.0.1:9/robot/send?access_token=corpus", "secret", "SECcorpus", "language", "zh-CN");
    String channel = created(mia.post("/api/notification-channels", json(channelBody))).path("id").asText();
    String unusedChannel = created(mia.post("/api/notification-channels", json(channelBody))).path("id").asText();
    Map<String, Object> ruleBody = Map.of("event", "incident.opened", "service", service, "group", "ops",
        "minPriority", "P2", "channels", List.of(Long.valueOf(channel)));
    String rule = created(mia.post("/api/notification-rules", json(ruleBody))).path("id").asText();
    String toDeleteRule = created(mia.post("/api/notification-rules", json(ruleBody))).path("id").asText();

    List<String> listQueries = List.of("limit=abc", "limit=0", "limit=1001", "limit=99999999999", "limit=1.5",
        "state=bogus", "state=open&state=closed", "service=reporting%20", "service=%20reporting", "service=%E4%B8%AD");
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(get(olivia, "/api/services", "/api/services", List.of()));
    endpoints.add(get(olivia, "/api/services/{key}", "/api/services/" + service, List.of()));
    endpoints.add(new Endpoint("POST", "/api/services", mia, "/api/services", json(Map.of("key", "corpus-new" + suffix,
        "name", "Corpus new", "tier", 3, "devGroup", "dev", "onCallGroup", "ops", "dependsOn", List.of(service))),
        List.of(), false));
    endpoints.add(new Endpoint("PUT", "/api/services/{key}", mia, "/api/services/" + service, json(Map.of(
        "name", "Corpus 服务 🚀", "tier", 3, "devGroup", "dev", "onCallGroup", "ops", "dependsOn", List.of())),
        List.of(), false));
    Map<String, Object> changeBody = new LinkedHashMap<>(Map.of("service", service,
        "version", "2.0", "title", "Corpus change", "changeType", "normal", "tests", "passed", "hasDbMigration", false,
        "plannedStart", "2030-01-01T00:00:00Z", "commitSha", "abc123", "pipelineUrl", "https://ci.example.com/1",
        "requestedBy", "olivia"));
    changeBody.put("committedAt", java.time.Instant.now().minusSeconds(3600).toString());
    changeBody.put("fixesIncident", incident);
    endpoints.add(new Endpoint("POST", "/api/changes", ci, "/api/changes", json(changeBody), List.of(), false));
    endpoints.add(get(ci, "/api/changes", "/api/changes", listQueries));
    endpoints.add(get(ci, "/api/changes/{key}", "/api/changes/" + change, List.of()));
    endpoints.add(get(ci, "/api/changes/{key}/report", "/api/changes/" + change + "/report", List.of()));
    endpoints.add(get(ci, "/api/changes/{key}/gate", "/api/changes/" + change + "/gate", List.of()));
    endpoints.add(new Endpoint("POST", "/api/changes/{key}/deployment", ci, "/api/changes/" + change + "/deployment",
        json(Map.of("status", "succeeded", "url", "https://ci.example.com/1")), List.of(), false));
    endpoints.add(new Endpoint("POST", "/api/freeze-windows", mia, "/api/freeze-windows", json(Map.of(
        "start", "2098-01-01T00:00:00Z", "end", "2098-01-02T00:00:00Z", "services", List.of(service),
        "reason", "Corpus freeze")), List.of(), false));
    endpoints.add(get(mia, "/api/freeze-windows", "/api/freeze-windows", List.of("past=maybe", "past=2")));
    endpoints.add(delete(mia, "/api/freeze-windows/{id}", "/api/freeze-windows/" + window));
    endpoints.add(new Endpoint("POST", "/api/alerts/alertmanager", alertmanager, "/api/alerts/alertmanager",
        json(Map.of("version", "4", "status", "firing", "receiver", "opsflow", "alerts", List.of(Map.of(
            "status", "firing", "fingerprint", "corpus" + suffix, "generatorURL", "https://prometheus.example.com/g",
            "startsAt", "2026-11-20T08:00:00Z", "endsAt", "0001-01-01T00:00:00Z",
            "labels", Map.of("alertname", "CorpusAlert", "service", service, "severity", "warning"),
            "annotations", Map.of("summary", "Corpus alert", "description", "From the corpus"))))),
        List.of(), true));
    endpoints.add(new Endpoint("POST", "/api/incidents", olivia, "/api/incidents", json(Map.of("service", service,
        "title", "Corpus incident", "description", "Reported by the corpus", "impact", "low", "urgency", "low",
        "dedupKey", "corpus-dedup" + suffix)), List.of(), false));
    endpoints.add(get(olivia, "/api/incidents", "/api/incidents", listQueries));
    endpoints.add(get(olivia, "/api/incidents/{key}", "/api/incidents/" + incident, List.of()));
    endpoints.add(get(olivia.withHeader("Accept", "text/html"), "/api/incidents/{key}/report",
        "/api/incidents/" + incident + "/report", List.of()));
    endpoints.add(get(olivia, "/api/emergency-plans", "/api/emergency-plans", List.of()));
    endpoints.add(new Endpoint("POST", "/api/emergency-plans/{planKey}/activations", mia,
        "/api/emergency-plans/" + plan + "/activations", json(Map.of("service", service, "incidentKey", incident,
            "drill", true)), List.of(), false));
    endpoints.add(get(olivia, "/api/emergency-plans/activations/{key}", "/api/emergency-plans/activations/" + activation,
        List.of()));
    endpoints.add(get(olivia, "/api/emergency-plans/activations/{key}/report",
        "/api/emergency-plans/activations/" + activation + "/report", List.of()));
    endpoints.add(new Endpoint("POST", "/api/emergency-plans/activations/{key}/abort", mia,
        "/api/emergency-plans/activations/" + toAbort + "/abort", json(Map.of("reason", "Corpus abort")), List.of(),
        false));
    endpoints.add(new Endpoint("POST", "/api/retrospectives", mia, "/api/retrospectives", json(Map.of(
        "service", service, "from", "2026-02-01T00:00:00Z", "to", "2026-02-02T00:00:00Z")), List.of(), false));
    endpoints.add(get(olivia, "/api/retrospectives", "/api/retrospectives",
        List.of("state=bogus", "service=reporting%20", "service=%E4%B8%AD")));
    endpoints.add(get(olivia, "/api/retrospectives/{key}", "/api/retrospectives/" + retrospective, List.of()));
    endpoints.add(get(olivia.withHeader("Accept", "text/markdown"), "/api/retrospectives/{key}/report",
        "/api/retrospectives/" + retrospective + "/report", List.of()));
    endpoints.add(new Endpoint("POST", "/api/services/{key}/launch", mia, "/api/services/" + launchable + "/launch",
        json(Map.of("plannedDate", launchDate, "version", "1.1", "hypercareDays", 14, "feedbackNotApplicable", false)),
        List.of(), false));
    endpoints.add(get(olivia, "/api/launches/{key}", "/api/launches/" + launch, List.of()));
    endpoints.add(get(mia, "/api/audit", "/api/audit", List.of("from=yesterday", "to=2026-13-01T00:00:00Z",
        "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=%2B999999999-01-01T00:00:00Z", "to=0001-01-01T00:00:00Z",
        "limit=abc", "limit=0", "limit=1001", "limit=99999999999", "limit=1.5", "from=1700000000")));
    endpoints.add(get(admin, "/api/service-accounts", "/api/service-accounts", List.of()));
    endpoints.add(get(admin, "/api/service-accounts/{id}", "/api/service-accounts/" + account, List.of()));
    endpoints.add(new Endpoint("POST", "/api/service-accounts", admin, "/api/service-accounts", json(Map.of(
        "id", "corpus-new" + suffix, "group", "monitoring", "description", "Corpus account")), List.of(), false));
    endpoints.add(delete(admin, "/api/service-accounts/{id}", "/api/service-accounts/" + account));
    endpoints.add(new Endpoint("POST", "/api/service-accounts/{id}/tokens", admin,
        "/api/service-accounts/" + account + "/tokens", json(Map.of("label", "Corpus token")), List.of(), false));
    endpoints.add(delete(admin, "/api/service-accounts/{id}/tokens/{tokenId}",
        "/api/service-accounts/" + account + "/tokens/" + token));
    List<String> momentQueries = List.of("at=yesterday", "at=1700000000", "at=%2B999999999-01-01T00:00:00Z",
        "at=0001-01-01T00:00:00Z", "at=2026-01-01T00:00:00");
    String scheduleApi = "/api/oncall/schedules/" + schedule;
    endpoints.add(get(olivia, "/api/oncall/now", "/api/oncall/now", List.of()));
    endpoints.add(get(olivia, "/api/oncall/schedules", "/api/oncall/schedules", List.of()));
    endpoints.add(get(olivia, "/api/oncall/schedules/{id}", scheduleApi, List.of()));
    endpoints.add(get(olivia, "/api/oncall/schedules/{id}.ics", scheduleApi + ".ics", List.of()));
    endpoints.add(get(olivia, "/api/oncall/schedules/{id}/now", scheduleApi + "/now", momentQueries));
    endpoints.add(get(olivia, "/api/oncall/schedules/{id}/shifts",
        scheduleApi + "/shifts?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z", List.of()));
    endpoints.add(get(olivia, "/api/oncall/schedules/{id}/overrides", scheduleApi + "/overrides", List.of()));
    endpoints.add(new Endpoint("POST", "/api/oncall/schedules", mia, "/api/oncall/schedules", json(scheduleBody),
        List.of(), false));
    endpoints.add(new Endpoint("PUT", "/api/oncall/schedules/{id}", mia, scheduleApi, json(scheduleBody), List.of(),
        false));
    endpoints.add(delete(mia, "/api/oncall/schedules/{id}", "/api/oncall/schedules/" + toDelete));
    endpoints.add(new Endpoint("POST", "/api/oncall/schedules/{id}/overrides", mia, scheduleApi + "/overrides",
        json(overrideBody), List.of(), false));
    endpoints.add(delete(mia, "/api/oncall/schedules/{id}/overrides/{overrideId}",
        scheduleApi + "/overrides/" + override));
    endpoints.add(get(olivia, "/api/oncall/escalation-policies", "/api/oncall/escalation-policies", List.of()));
    endpoints.add(get(olivia, "/api/oncall/escalation-policies/services/{key}",
        "/api/oncall/escalation-policies/services/" + service, List.of()));
    endpoints.add(get(olivia, "/api/oncall/escalation-policies/groups/{id}", "/api/oncall/escalation-policies/groups/qa",
        List.of()));
    endpoints.add(new Endpoint("PUT", "/api/oncall/escalation-policies/services/{key}", mia,
        "/api/oncall/escalation-policies/services/" + service, json(policyBody), List.of(), false));
    endpoints.add(new Endpoint("PUT", "/api/oncall/escalation-policies/groups/{id}", mia,
        "/api/oncall/escalation-policies/groups/qa", json(policyBody), List.of(), false));
    endpoints.add(delete(mia, "/api/oncall/escalation-policies/services/{key}",
        "/api/oncall/escalation-policies/services/" + service));
    endpoints.add(delete(mia, "/api/oncall/escalation-policies/groups/{id}", "/api/oncall/escalation-policies/groups/qa"));
    endpoints.add(get(olivia, "/api/oncall/escalation", "/api/oncall/escalation?service=" + service, List.of()));
    endpoints.add(get(olivia, "/api/people/{id}/contacts", "/api/people/olivia/contacts", List.of()));
    endpoints.add(new Endpoint("PUT", "/api/people/{id}/contacts", mia, "/api/people/olivia/contacts", json(Map.of(
        "email", "olivia.pager@example.com", "mobile", "+8613800000001", "dingtalkUserId", "olivia-dd",
        "wecomUserId", "olivia", "feishuUserId", "ou_olivia")), List.of(), false));
    String channelApi = "/api/notification-channels/" + channel;
    endpoints.add(get(mia, "/api/notification-channels", "/api/notification-channels", List.of()));
    endpoints.add(get(mia, "/api/notification-channels/{id}", channelApi, List.of()));
    endpoints.add(new Endpoint("POST", "/api/notification-channels", mia, "/api/notification-channels",
        json(channelBody), List.of(), false));
    endpoints.add(new Endpoint("PUT", "/api/notification-channels/{id}", mia, channelApi, json(channelBody), List.of(),
        false));
    endpoints.add(delete(mia, "/api/notification-channels/{id}", "/api/notification-channels/" + unusedChannel));
    endpoints.add(new Endpoint("POST", "/api/notification-channels/{id}/test", mia, channelApi + "/test", null,
        List.of(), false));
    String ruleApi = "/api/notification-rules/" + rule;
    endpoints.add(get(mia, "/api/notification-rules", "/api/notification-rules", List.of()));
    endpoints.add(get(mia, "/api/notification-rules/{id}", ruleApi, List.of()));
    endpoints.add(new Endpoint("POST", "/api/notification-rules", mia, "/api/notification-rules", json(ruleBody),
        List.of(), false));
    endpoints.add(new Endpoint("PUT", "/api/notification-rules/{id}", mia, ruleApi, json(ruleBody), List.of(), false));
    endpoints.add(delete(mia, "/api/notification-rules/{id}", "/api/notification-rules/" + toDeleteRule));
    endpoints.add(get(mia, "/api/notifications", "/api/notifications", List.of("limit=abc", "limit=0", "limit=1001",
        "limit=99999999999", "state=bogus", "state=failed&state=pending", "incident=INC-1&reference=INC-2")));
    String feedbackId = "corpus" + suffix;
    Map<String, Object> feedbackBody = new LinkedHashMap<>();
    feedbackBody.put("service", service);
    feedbackBody.put("version", "1.0");
    feedbackBody.put("channel", "support");
    feedbackBody.put("text", "支付失败，太慢了");
    feedbackBody.put("rating", 2);
    feedbackBody.put("occurredAt", "2026-11-20T08:00:00Z");
    feedbackBody.put("externalId", feedbackId);
    feedbackBody.put("userRef", "corpus-user");
    endpoints.add(new Endpoint("POST", "/api/feedback", api().bearer("demo-feedback-token"), "/api/feedback",
        json(feedbackBody), List.of(), false));
    endpoints.add(new Endpoint("POST", "/api/feedback/import", olivia, "/api/feedback/import",
        upload("file", "service,channel,externalId,text\r\n" + service + ",support,csv-" + feedbackId + ",ok\r\n"),
        List.of(), false, "multipart/form-data; boundary=" + UPLOAD_BOUNDARY));
    endpoints.add(get(olivia, "/api/feedback", "/api/feedback", List.of("page=-1", "page=abc", "size=0", "size=201",
        "size=99999999999", "channel=fax", "sentiment=angry", "from=yesterday", "to=+10000-01-01T00:00:00Z",
        "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "service=a%20b", "q=" + "x".repeat(201), "incident=a%20b", "incident=INC-2026-0001&service=" + service)));
    endpoints.add(get(olivia, "/api/feedback/insights", "/api/feedback/insights?service=" + service, List.of()));

    String launching = "corpus-launch" + suffix;
    created(mia.post("/api/services", json(Map.of("key", launching, "name", "Corpus launch", "tier", 3,
        "devGroup", "dev"))));
    endpoints.add(new Endpoint("PUT", "/api/services/{key}/lifecycle", admin, "/api/services/" + launching
        + "/lifecycle", json(Map.of("state", "launching", "reason", "首发 🚀")), List.of(), false));
    Map<String, Object> usageFeature = new LinkedHashMap<>();
    usageFeature.put("feature", "搜索 🔍");
    usageFeature.put("activeUsers", 40);
    usageFeature.put("uses", 90);
    usageFeature.put("medianSecondsSpent", 35);
    Map<String, Object> usageDay = new LinkedHashMap<>();
    usageDay.put("service", service);
    usageDay.put("day", "2026-11-20");
    usageDay.put("activeUsers", 100);
    usageDay.put("features", List.of(usageFeature));
    endpoints.add(new Endpoint("POST", "/api/usage", api().bearer("demo-analytics-token"), "/api/usage",
        json(Map.of("days", List.of(usageDay))), List.of(), false));
    endpoints.add(get(olivia, "/api/services/{key}/usage", "/api/services/" + service + "/usage",
        List.of("from=yesterday", "from=2026-02-30", "to=20261120", "from=+10000-01-01", "to=2026-11-20T00:00:00Z",
            "from=2026-11-02&to=2026-11-01", "from=1999-01-01&to=1999-01-02", "from=2020-01-01&to=2026-01-01",
            "from=%E4%B8%AD")));
    List<String> figureQueries = List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "from=1700000000",
        "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=%2B999999999-01-01T00:00:00Z",
        "interval=hour", "interval=day&interval=week", "interval=", "service=ghost" + suffix, "team=nobody" + suffix,
        "service=" + service + "&team=qa", "service=reporting%20", "service=%E4%B8%AD", "team=dev%20");
    for (String figures : List.of("delivery", "incidents", "practice")) {
      endpoints.add(get(mia, "/api/metrics/" + figures, "/api/metrics/" + figures + "?service=" + service,
          figureQueries));
    }
    endpoints.add(get(mia, "/api/metrics/choices", "/api/metrics/choices", List.of()));
    endpoints.add(get(olivia, "/api/feedback/triage", "/api/feedback/triage", List.of("page=-1", "page=abc", "size=0",
        "size=201", "size=99999999999", "state=opened", "service=a%20b")));
    endpoints.add(get(olivia, "/api/feedback/triage/{key}", "/api/feedback/triage/" + triage, List.of()));
    endpoints.add(new Endpoint("POST", "/api/feedback/triage/run", mia, "/api/feedback/triage/run", null, List.of(),
        false));

    String shutdown = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(40).toString();
    String retiring = "corpus-retire" + suffix;
    String retired = "corpus-retired" + suffix;
    for (String live : List.of(retiring, retired)) {
      created(mia.post("/api/services", json(Map.of("key", live, "name", "Corpus 下线 🌅", "tier", 3, "devGroup", "dev",
          "lifecycle", "live"))));
    }
    String retirement = created(mia.post("/api/services/" + retired + "/retirement",
        json(Map.of("shutdownDate", shutdown)))).path("key").asText();
    endpoints.add(new Endpoint("POST", "/api/services/{key}/retirement", mia, "/api/services/" + retiring
        + "/retirement", json(Map.of("shutdownDate", shutdown, "noticeDays", 30)), List.of(), false));
    endpoints.add(get(olivia, "/api/retirements/{key}", "/api/retirements/" + retirement, List.of()));
    return endpoints;
  }

  private static Endpoint get(Api caller, String pattern, String path, List<String> badQueries) {
    return new Endpoint("GET", pattern, caller, path, null, badQueries, false);
  }

  private static Endpoint delete(Api caller, String pattern, String path) {
    return new Endpoint("DELETE", pattern, caller, path, null, List.of(), false);
  }

  // --- the cases

  private static List<Case> cases(Endpoint endpoint) {
    List<Case> cases = new ArrayList<>();
    cases.addAll(badPathKeys(endpoint, key -> List.of(key + "%20", "%E4%B8%AD", "x".repeat(300), "NOPE-1999-0001")));
    for (String query : endpoint.badQueries()) {
      cases.add(new Case(endpoint, "query " + query, endpoint.path() + "?" + query, null, null, Expect.REFUSED));
    }
    if (endpoint.isUpload()) {
      cases.addAll(badUploads(endpoint));
    } else if (endpoint.hasBody()) {
      cases.addAll(badBodies(endpoint));
      cases.addAll(badFields(endpoint));
    }
    return cases;
  }

  /** Each key in the path, replaced by what is not that key: a space, another script, too long, unknown. */
  private static List<Case> badPathKeys(Endpoint endpoint, java.util.function.Function<String, List<String>> keys) {
    List<String> patternParts = List.of(endpoint.pattern().split("/"));
    List<String> pathParts = List.of(endpoint.path().split("/"));
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < patternParts.size(); i++) {
      if (!patternParts.get(i).startsWith("{")) {
        continue;
      }
      String key = pathParts.get(i);
      for (String bad : keys.apply(key)) {
        List<String> parts = new ArrayList<>(pathParts);
        parts.set(i, bad);
        byte[] body = endpoint.hasBody() ? endpoint.body().getBytes(StandardCharsets.UTF_8) : null;
        cases.add(new Case(endpoint, "path " + patternParts.get(i) + " = " + abbreviate(bad), String.join("/", parts),
            body == null ? null : "application/json", body, Expect.REFUSED));
      }
    }
    return cases;
  }

  private static List<Case> badBodies(Endpoint endpoint) {
    String base = endpoint.body();
    Map.Entry<String, JsonNode> first = read(base).properties().iterator().next();
    String firstField = JSON.valueToTree(first.getKey()).toString() + ":" + first.getValue();
    boolean optionalBody = endpoint.pattern().endsWith("/tokens");
    Map<String, Object> bodies = new LinkedHashMap<>();
    bodies.put("empty body", "");
    bodies.put("null", "null");
    bodies.put("an array", "[]");
    bodies.put("trailing junk", base + " x");
    bodies.put("a second JSON value", base + " {}");
    bodies.put("duplicate key", "{" + firstField + "," + base.substring(1));
    bodies.put("invalid UTF-8 in a field name", splice("{\"", new byte[] {(byte) 0xC0, (byte) 0x80},
        "\":1," + base.substring(1)));
    if (!endpoint.alertLeniency()) {
      // the webhook's own, larger limit is tested in IncidentApiIT
      // the good body with whitespace: nothing but the size limit refuses it
      int over = OWN_BODY_LIMITS.getOrDefault(endpoint.pattern(), 1_048_576) + 52_000;
      bodies.put("a body over the limit", base.substring(0, base.length() - 1) + " ".repeat(over) + "}");
    }
    List<Case> cases = new ArrayList<>();
    bodies.forEach((name, body) -> cases.add(new Case(endpoint, name, endpoint.path(), "application/json", bytes(body),
        optionalBody && (name.equals("empty body") || name.equals("null")) ? Expect.NOT_5XX : Expect.REFUSED)));
    cases.add(new Case(endpoint, "an unknown field", endpoint.path(), "application/json",
        bytes("{\"corpusUnknown\":1," + base.substring(1)), endpoint.alertLeniency() ? Expect.NOT_5XX : Expect.REFUSED));
    cases.add(new Case(endpoint, "content type text/plain", endpoint.path(), "text/plain", bytes(base), Expect.REFUSED));
    cases.add(new Case(endpoint, "charset ISO-8859-1", endpoint.path(), "application/json;charset=ISO-8859-1",
        bytes(base), Expect.REFUSED));
    cases.add(new Case(endpoint, "no content type", endpoint.path(), null, bytes(base), Expect.REFUSED));
    return cases;
  }

  /** A CSV upload (multipart, part {@code file}): what is not one, or not one OpsFlow can read. */
  private static List<Case> badUploads(Endpoint endpoint) {
    String csv = endpoint.body();
    Map<String, Object> bodies = new LinkedHashMap<>();
    bodies.put("empty body", "");
    bodies.put("no closing boundary", "--" + UPLOAD_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"f.csv\"\r\n\r\n" + csv);
    bodies.put("another part name", upload("attachment", csv));
    bodies.put("a missing column", upload("file", "service,channel,text\r\nreporting,support,hi\r\n"));
    bodies.put("a duplicate column", upload("file", "service,service,channel,externalId,text\r\n"));
    bodies.put("an unclosed quote", upload("file", "service,channel,externalId,text\r\n\"reporting,support,x,hi\r\n"));
    bodies.put("invalid UTF-8", splice(upload("file", "service,channel,externalId,text\r\nreporting,support,x,")
        .replace("--" + UPLOAD_BOUNDARY + "--\r\n", ""), new byte[] {(byte) 0xC0, (byte) 0x80},
        "\r\n--" + UPLOAD_BOUNDARY + "--\r\n"));
    bodies.put("a body over the limit", upload("file", "service,channel,externalId,text\r\n" + "x".repeat(2_200_000)));
    String multipart = "multipart/form-data; boundary=" + UPLOAD_BOUNDARY;
    List<Case> cases = new ArrayList<>();
    bodies.forEach((name, body) -> cases.add(new Case(endpoint, name, endpoint.path(), multipart, bytes(body),
        Expect.REFUSED)));
    cases.add(new Case(endpoint, "content type text/csv", endpoint.path(), "text/csv", bytes(csv), Expect.REFUSED));
    cases.add(new Case(endpoint, "content type application/json", endpoint.path(), "application/json",
        bytes("{\"file\":\"x\"}"), Expect.REFUSED));
    cases.add(new Case(endpoint, "no content type", endpoint.path(), null, bytes(csv), Expect.REFUSED));
    return cases;
  }

  /** A multipart body with one part holding {@code content}. */
  static String upload(String part, String content) {
    return "--" + UPLOAD_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"f.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + UPLOAD_BOUNDARY + "--\r\n";
  }

  /**
   * What the shared layers (Tomcat, Spring Security's firewall, the body filter, the JSON reader)
   * refuse the same way for every endpoint, tried on one: more kinds of malformed paths, bytes,
   * nesting and content types.
   */
  private static List<Case> extendedCases(Endpoint endpoint) {
    String base = endpoint.body();
    List<Case> cases = new ArrayList<>();
    Map<String, Object> bodies = new LinkedHashMap<>();
    bodies.put("a string", "\"text\"");
    bodies.put("a number", "42");
    bodies.put("nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000));
    bodies.put("a surrogate in UTF-8", splice("{\"k", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\":1,"
        + base.substring(1)));
    bodies.put("bytes above U+10FFFF", splice(base.substring(0, base.length() - 1) + ",\"k",
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\":\"v\"}"));
    bodies.put("a truncated UTF-8 sequence", splice(base.substring(0, base.length() - 1) + ",\"k\":\"",
        new byte[] {(byte) 0xE4, (byte) 0xB8}, "\"}"));
    bodies.put("UTF-16", base.getBytes(StandardCharsets.UTF_16LE));
    bodies.forEach((name, body) -> cases.add(new Case(endpoint, name, endpoint.path(), "application/json", bytes(body),
        Expect.REFUSED)));
    for (String contentType : List.of("application/xml", "application/x-www-form-urlencoded",
        "application/json;charset=UTF-16", "not a media type")) {
      cases.add(new Case(endpoint, "content type " + contentType, endpoint.path(), contentType, bytes(base),
          Expect.REFUSED));
    }
    Endpoint keyed = new Endpoint("GET", "/api/services/{key}", endpoint.caller(), "/api/services/reporting", null,
        List.of(), false);
    cases.addAll(badPathKeys(keyed, key -> List.of("%20" + key, key + "%09", key + "%C0%80", "%FF", "a%2Fb",
        "a%5Cb", "%2e%2e", "a%25b", "a;b", "%00")));
    return cases;
  }

  /** Every field of the good body, one at a time, replaced by what it must not be. */
  private static List<Case> badFields(Endpoint endpoint) {
    JsonNode base = read(endpoint.body());
    List<Case> cases = new ArrayList<>();
    walk(base, "", (path, value) -> {
      for (Map.Entry<String, Replacement> bad : replacements(value, endpoint.alertLeniency()).entrySet()) {
        JsonNode mutated = base.deepCopy();
        replace(mutated, path, bad.getValue().value());
        cases.add(new Case(endpoint, path + " = " + bad.getKey(), endpoint.path(), "application/json",
            bytes(mutated.toString()), bad.getValue().expect()));
      }
    });
    return cases;
  }

  record Replacement(JsonNode value, Expect expect) {
  }

  private static Map<String, Replacement> replacements(JsonNode value, boolean alertLeniency) {
    Map<String, Replacement> bad = new LinkedHashMap<>();
    Expect textLimits = alertLeniency ? Expect.NOT_5XX : Expect.REFUSED;
    if (value.isTextual() && TIME.matcher(value.textValue()).matches()) {
      bad.put("an epoch number", new Replacement(NODES.numberNode(1_700_000_000L), Expect.REFUSED));
      bad.put("year 10000", new Replacement(NODES.textNode("+10000-01-01T00:00:00Z"), textLimits));
      bad.put("year -999999999", new Replacement(NODES.textNode("-999999999-01-01T00:00:00Z"), textLimits));
      bad.put("1969", new Replacement(NODES.textNode("1969-12-31T23:59:59Z"), textLimits));
      bad.put("no offset", new Replacement(NODES.textNode("2026-01-01T00:00:00"), Expect.REFUSED));
    } else if (value.isTextual()) {
      bad.put("a number", new Replacement(NODES.numberNode(12345), Expect.REFUSED));
      bad.put("oversize text", new Replacement(NODES.textNode(OVERSIZE), textLimits));
      bad.put("emoji and Chinese", new Replacement(NODES.textNode("支付 💳"), Expect.NOT_5XX));
    } else if (value.isBoolean()) {
      bad.put("the text true", new Replacement(NODES.textNode("true"), Expect.REFUSED));
      bad.put("the number 1", new Replacement(NODES.numberNode(1), Expect.REFUSED));
    } else if (value.isNumber()) {
      bad.put("a numeric text", new Replacement(NODES.textNode("1"), Expect.REFUSED));
      bad.put("a decimal", new Replacement(NODES.numberNode(1.5), Expect.REFUSED));
      bad.put("a number beyond long", new Replacement(NODES.numberNode(new java.math.BigInteger("9".repeat(30))),
          Expect.REFUSED));
      bad.put("-1", new Replacement(NODES.numberNode(-1), Expect.REFUSED));
    } else if (value.isArray()) {
      if (value.size() > 0 && value.get(0).isNumber()) {
        // a list of ids: a number may well be another valid id
        bad.put("a text inside", new Replacement(NODES.arrayNode().add("5"), Expect.REFUSED));
        bad.put("a decimal inside", new Replacement(NODES.arrayNode().add(1.5), Expect.REFUSED));
      } else {
        bad.put("a number inside", new Replacement(NODES.arrayNode().add(5), Expect.REFUSED));
      }
      bad.put("null inside", new Replacement(NODES.arrayNode().addNull(), Expect.REFUSED));
    } else if (value.isObject()) {
      bad.put("a number inside", new Replacement(NODES.objectNode().put("k", 5), Expect.REFUSED));
    }
    if (!value.isContainerNode()) {
      bad.put("an array", new Replacement(NODES.arrayNode(), Expect.REFUSED));
    } else {
      bad.put("a string", new Replacement(NODES.textNode("x"), Expect.REFUSED));
    }
    bad.put("null", new Replacement(NODES.nullNode(), Expect.NOT_5XX));
    return bad;
  }

  private interface Visitor {
    void visit(String path, JsonNode value);
  }

  /** Visits every value below the root; for a list, its first element stands for all. */
  private static void walk(JsonNode node, String path, Visitor visitor) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        visitor.visit(child, field.getValue());
        walk(field.getValue(), child, visitor);
      });
    } else if (node.isArray() && !node.isEmpty() && node.get(0).isContainerNode()) {
      walk(node.get(0), path + "[0]", visitor);
    }
  }

  private static void replace(JsonNode root, String path, JsonNode value) {
    String[] steps = path.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < steps.length - 1; i++) {
      parent = steps[i].endsWith("[0]") ? parent.get(steps[i].substring(0, steps[i].length() - 3)).get(0)
          : parent.get(steps[i]);
    }
    ((ObjectNode) parent).set(steps[steps.length - 1], value);
  }

  // --- counting rows

  /**
   * Every table of OpsFlow's and Camunda's runtime state, but not the bookkeeping of signing in
   * (which clients an account signed in from, sessions): a refused request was still signed in.
   */
  private List<String> countedTables() {
    List<String> tables = new ArrayList<>(List.of("ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_RU_VARIABLE"));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA"
            + " = DATABASE() AND TABLE_NAME NOT LIKE 'ACT\\_%' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'"
            + " AND TABLE_NAME NOT LIKE 'sign\\_in\\_%' AND TABLE_NAME NOT LIKE 'SPRING\\_SESSION%'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  private Map<String, Long> counts(List<String> tables) {
    String sql = tables.stream().map(table -> "SELECT '" + table + "', COUNT(*) FROM " + table)
        .collect(Collectors.joining(" UNION ALL "));
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  // --- small helpers

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    if (node.isObject()) {
      node.properties().forEach(field -> {
        names.add(field.getKey());
        names.addAll(fieldNames(field.getValue()));
      });
    } else if (node.isArray()) {
      node.forEach(element -> names.addAll(fieldNames(element)));
    }
    return names;
  }

  private static JsonNode created(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    return response.json();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(Object body) {
    return body instanceof byte[] raw ? raw : ((String) body).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] splice(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 20) + "...(" + text.length() + ")" : text;
  }
}
