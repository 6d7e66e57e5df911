package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsflow.security.signin.SignInThrottleIT;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/**
 * Every endpoint family against every kind of caller: anonymous, each staff group, the
 * administrator and the demo service accounts (Bearer, and Alertmanager's Basic form). Acting as
 * someone else on a task, testing passwords and locking the administrator out have focused tests
 * next to this one: {@link ActingAsSomeoneElseIT}, {@link PasswordOraclesIT}, {@link SignInThrottleIT}.
 */
class SecurityMatrixIT extends IntegrationTest {

  enum Caller {
    ANONYMOUS, OPS_OLIVIA, DEV_DEVON, QA_QUINN, MANAGER_MIA, SECURITY_SASHA, ADMIN, CI_BOT, ALERTMANAGER_BEARER,
    ALERTMANAGER_BASIC, FEEDBACK_DESK, ANALYTICS_JOB;

    Api on(Api api) {
      return switch (this) {
        case ANONYMOUS -> api.anonymous();
        case OPS_OLIVIA -> api.basic("olivia", "demo");
        case DEV_DEVON -> api.basic("devon", "demo");
        case QA_QUINN -> api.basic("quinn", "demo");
        case MANAGER_MIA -> api.basic("mia", "demo");
        case SECURITY_SASHA -> api.basic("sasha", "demo");
        case ADMIN -> api.basic("admin", "demo");
        case CI_BOT -> api.bearer("demo-ci-token");
        case ALERTMANAGER_BEARER -> api.bearer("demo-alert-token");
        case ALERTMANAGER_BASIC -> api.basic("alertmanager", "demo-alert-token");
        case FEEDBACK_DESK -> api.bearer("demo-feedback-token");
        case ANALYTICS_JOB -> api.bearer("demo-analytics-token");
      };
    }

    boolean person() {
      return this != ANONYMOUS && !serviceAccount();
    }

    boolean serviceAccount() {
      return this == CI_BOT || this == ALERTMANAGER_BEARER || this == ALERTMANAGER_BASIC || this == FEEDBACK_DESK
          || this == ANALYTICS_JOB;
    }
  }

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  record Endpoint(String name, Function<Api, Response> call, Function<Caller, Integer> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> matrix() {
    List<Endpoint> endpoints = List.of(
        new Endpoint("GET /actuator/health", api -> api.get("/actuator/health"), caller -> 200),
        new Endpoint("GET /actuator/info", api -> api.get("/actuator/info"), only(Caller.ADMIN, 200)),
        new Endpoint("GET /actuator/prometheus", api -> api.withHeader("Accept", "text/plain").get("/actuator/prometheus"),
            caller -> caller == Caller.ANONYMOUS ? 401 : caller == Caller.ALERTMANAGER_BEARER
                || caller == Caller.ALERTMANAGER_BASIC || caller == Caller.MANAGER_MIA || caller == Caller.ADMIN ? 200 : 403),
        new Endpoint("GET /engine-rest/engine", api -> api.get("/engine-rest/engine"), people(200)),
        new Endpoint("GET /engine-rest/task", api -> api.get("/engine-rest/task?maxResults=10"), people(200)),
        new Endpoint("GET /engine-rest/user", api -> api.get("/engine-rest/user?maxResults=10"), people(200)),
        new Endpoint("POST /engine-rest/identity/verify", api -> api.post("/engine-rest/identity/verify",
            "{\"username\":\"admin\",\"password\":\"demo\"}"), nobody()),
        new Endpoint("GET /api/services", api -> api.get("/api/services"), people(200)),
        new Endpoint("GET /api/services/{key}", api -> api.get("/api/services/payments-api"), people(200)),
        new Endpoint("POST /api/services", api -> api.post("/api/services", newService()),
            editors(201)),
        new Endpoint("PUT /api/services/{key}", api -> api.put("/api/services/reporting",
            "{\"name\":\"Reporting\",\"tier\":3,\"devGroup\":\"dev\"}"), editors(200)),
        new Endpoint("PUT /api/services/{key}/lifecycle (a move off the arrows)", api -> api.put(
            "/api/services/payments-api/lifecycle", "{\"state\":\"planned\",\"reason\":\"matrix\"}"),
            only(Caller.ADMIN, 409)),
        new Endpoint("POST /api/usage", api -> api.post("/api/usage", "{\"days\":[{\"service\":\"reporting\","
            + "\"day\":\"2026-01-01\",\"activeUsers\":10,\"features\":[{\"feature\":\"export\","
            + "\"activeUsers\":1,\"uses\":1}]}]}"),
            caller -> caller == Caller.ANONYMOUS ? 401 : caller.person() || caller == Caller.ANALYTICS_JOB ? 200 : 403),
        new Endpoint("GET /api/services/{key}/usage", api -> api.get("/api/services/reporting/usage"), people(200)),
        new Endpoint("POST /api/services/{key}/retirement (a shutdown date inside the notice period)",
            api -> api.post("/api/services/reporting/retirement", "{\"shutdownDate\":\"2000-01-01\"}"),
            only(Caller.MANAGER_MIA, 400)),
        new Endpoint("GET /api/retirements/{key}", api -> api.get("/api/retirements/RETIRE-1999-0001"), people(404)),
        new Endpoint("POST /api/services/{key}/launch (a live service)", api -> api.post(
            "/api/services/reporting/launch", "{\"plannedDate\":\"2099-01-01\",\"version\":\"1.0\"}"),
            only(Caller.MANAGER_MIA, 400)),
        new Endpoint("GET /api/launches/{key}", api -> api.get("/api/launches/LAUNCH-1999-0001"), people(404)),
        new Endpoint("GET /api/service-accounts", api -> api.get("/api/service-accounts"), only(Caller.ADMIN, 200)),
        new Endpoint("POST /api/service-accounts/{id}/tokens",
            api -> api.post("/api/service-accounts/ci-bot/tokens", "{\"label\":\"matrix\"}"), only(Caller.ADMIN, 201)),
        new Endpoint("POST /api/alerts/alertmanager", api -> api.post("/api/alerts/alertmanager", resolvedAlert()),
            caller -> caller == Caller.ANONYMOUS ? 401
                : caller == Caller.ALERTMANAGER_BEARER || caller == Caller.ALERTMANAGER_BASIC ? 202 : 403),
        new Endpoint("POST /api/incidents", api -> api.post("/api/incidents",
            "{\"title\":\"Matrix\",\"impact\":\"low\",\"urgency\":\"low\"}"),
            caller -> caller == Caller.ANONYMOUS ? 401 : caller.person()
                || caller == Caller.ALERTMANAGER_BEARER || caller == Caller.ALERTMANAGER_BASIC ? 201 : 403),
        new Endpoint("GET /api/incidents", api -> api.get("/api/incidents?state=open"), people(200)),
        new Endpoint("GET /api/incidents/{key}", api -> api.get("/api/incidents/INC-1999-0001"), people(404)),
        new Endpoint("GET /api/incidents/{key}/report", api -> api.get("/api/incidents/INC-1999-0001/report"),
            people(404)),
        new Endpoint("POST /api/changes", api -> api.post("/api/changes", """
            {"service":"reporting","version":"1","title":"Matrix","changeType":"normal","tests":"passed",
             "hasDbMigration":false}"""), pipelinesAndPeople(201)),
        new Endpoint("GET /api/changes", api -> api.get("/api/changes?state=open"), pipelinesAndPeople(200)),
        new Endpoint("GET /api/changes/{key}/report", api -> api.get("/api/changes/CHG-1999-0001/report"),
            pipelinesAndPeople(404)),
        new Endpoint("GET /api/changes/{key}/gate", api -> api.get("/api/changes/CHG-1999-0001/gate"),
            pipelinesAndPeople(404)),
        new Endpoint("POST /api/changes/{key}/deployment", api -> api.post("/api/changes/CHG-1999-0001/deployment",
            "{\"status\":\"succeeded\"}"), pipelinesAndPeople(404)),
        new Endpoint("GET /api/freeze-windows", api -> api.get("/api/freeze-windows"), editors(200)),
        new Endpoint("GET /api/emergency-plans", api -> api.get("/api/emergency-plans"), people(200)),
        new Endpoint("GET /api/emergency-plans/activations/{key}/report",
            api -> api.get("/api/emergency-plans/activations/EPA-1999-0001/report"), people(404)),
        new Endpoint("POST /api/emergency-plans/{key}/activations", api -> api.post(
            "/api/emergency-plans/emergency-plan-nothing/activations", "{\"service\":\"reporting\",\"drill\":true}"),
            caller -> caller == Caller.ANONYMOUS ? 401
                : caller == Caller.MANAGER_MIA || caller == Caller.OPS_OLIVIA ? 404 : 403),
        new Endpoint("POST /api/emergency-plans/activations/{key}/abort", api -> api.post(
            "/api/emergency-plans/activations/EPA-1999-0001/abort", "{\"reason\":\"matrix\"}"), editors(404)),
        new Endpoint("GET /api/retrospectives", api -> api.get("/api/retrospectives"), people(200)),
        new Endpoint("GET /api/retrospectives/{key}", api -> api.get("/api/retrospectives/RETRO-1999-0001"),
            people(404)),
        new Endpoint("POST /api/retrospectives", api -> api.post("/api/retrospectives",
            "{\"service\":\"ghost\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}"), editors(400)),
        new Endpoint("GET /api/audit", api -> api.get("/api/audit?limit=5"), editors(200)),
        new Endpoint("GET /api/oncall/now", api -> api.get("/api/oncall/now"), people(200)),
        new Endpoint("GET /api/oncall/schedules", api -> api.get("/api/oncall/schedules"), people(200)),
        new Endpoint("POST /api/oncall/schedules", api -> api.post("/api/oncall/schedules", """
            {"name":"Matrix","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-01-01"}"""),
            editors(201)),
        new Endpoint("PUT /api/oncall/escalation-policies/groups/{id}", api -> api.put(
            "/api/oncall/escalation-policies/groups/security", "{\"levels\":[{\"afterMinutes\":0,\"notify\":\"on-call\"}]}"),
            editors(200)),
        new Endpoint("GET /api/people/{id}/contacts (olivia's)", api -> api.get("/api/people/olivia/contacts"),
            caller -> caller == Caller.ANONYMOUS ? 401 : caller == Caller.OPS_OLIVIA || caller == Caller.MANAGER_MIA
                || caller == Caller.ADMIN ? 200 : 403),
        new Endpoint("POST /api/feedback", api -> api.post("/api/feedback", "{\"service\":\"reporting\","
            + "\"channel\":\"support\",\"externalId\":\"matrix-" + SEQUENCE.incrementAndGet() + "\",\"text\":\"ok\"}"),
            feedbackSources(201)),
        new Endpoint("POST /api/feedback/import", api -> api.send("POST", "/api/feedback/import",
            "multipart/form-data; boundary=matrix", ("--matrix\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"f.csv\"\r\n\r\nservice,channel,externalId,text\r\nreporting,support,matrix-csv-"
                + SEQUENCE.incrementAndGet() + ",ok\r\n--matrix--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            feedbackSources(200)),
        new Endpoint("GET /api/feedback", api -> api.get("/api/feedback?service=reporting"), people(200)),
        new Endpoint("GET /api/feedback/insights", api -> api.get("/api/feedback/insights?service=reporting"),
            people(200)),
        new Endpoint("GET /api/metrics/delivery", api -> api.get("/api/metrics/delivery"), people(200)),
        new Endpoint("GET /api/metrics/incidents", api -> api.get("/api/metrics/incidents?interval=month"), people(200)),
        new Endpoint("GET /api/metrics/practice", api -> api.get("/api/metrics/practice"), people(200)),
        new Endpoint("GET /api/metrics/choices", api -> api.get("/api/metrics/choices"), people(200)),
        new Endpoint("GET /api/feedback/triage", api -> api.get("/api/feedback/triage?state=open"), people(200)),
        new Endpoint("GET /api/feedback/triage/{key}", api -> api.get("/api/feedback/triage/TRIAGE-1999-0001"),
            people(404)),
        new Endpoint("POST /api/feedback/triage/run", api -> api.post("/api/feedback/triage/run", ""), editors(200)),
        new Endpoint("GET /api/unknown", api -> api.get("/api/unknown"), caller -> caller == Caller.ANONYMOUS ? 401 : 404),
        new Endpoint("DELETE /api/incidents (a route, not this method)", api -> api.delete("/api/incidents"),
            caller -> caller == Caller.ANONYMOUS ? 401 : 403),
        new Endpoint("GET /v3/api-docs", api -> api.get("/v3/api-docs"), caller -> caller == Caller.ANONYMOUS ? 401 : 200),
        new Endpoint("GET Swagger UI", api -> api.get("/swagger-ui/index.html"), webapp(200)),
        new Endpoint("GET /", api -> api.get("/"), webapp(302)),
        new Endpoint("GET /dashboard", api -> api.get("/dashboard"), webapp(302)),
        new Endpoint("GET /dashboard/", api -> api.get("/dashboard/"), webapp(200)),
        new Endpoint("GET the dashboard's script", api -> api.get("/dashboard/dashboard.js"), webapp(200)),
        new Endpoint("GET Tasklist", api -> api.get("/camunda/app/tasklist/default/"), webapp(200)),
        new Endpoint("GET Cockpit", api -> api.get("/camunda/app/cockpit/default/"),
            webapp(caller -> caller == Caller.MANAGER_MIA || caller == Caller.ADMIN ? 200 : 403)),
        new Endpoint("GET Admin", api -> api.get("/camunda/app/admin/default/"),
            webapp(caller -> caller == Caller.ADMIN ? 200 : 403)),
        new Endpoint("GET webapp engine API", api -> api.get("/camunda/api/engine/engine/default/task?maxResults=10"),
            caller -> caller == Caller.ANONYMOUS ? 401 : caller.person() ? 200 : 403),
        new Endpoint("POST admin setup", api -> api.post("/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder1\"}}"),
            caller -> caller == Caller.ANONYMOUS ? 401 : 403));
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(endpoint, caller, endpoint.expected().apply(caller)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  void callerGetsExpectedStatus(Endpoint endpoint, Caller caller, int expected) {
    Response response = endpoint.call().apply(caller.on(api()));
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    if (response.status() == 401 || response.status() == 403) {
      assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).isNotBlank();
    }
    if (endpoint.name().equals("GET /") && caller == Caller.ANONYMOUS) {
      assertThat(response.header("Location")).endsWith("/login");
    }
  }

  private static Function<Caller, Integer> people(int status) {
    return caller -> caller == Caller.ANONYMOUS ? 401 : caller.person() ? status : 403;
  }

  private static Function<Caller, Integer> pipelinesAndPeople(int status) {
    return caller -> caller == Caller.ANONYMOUS ? 401 : caller.person() || caller == Caller.CI_BOT ? status : 403;
  }

  private static Function<Caller, Integer> feedbackSources(int status) {
    return caller -> caller == Caller.ANONYMOUS ? 401 : caller.person() || caller == Caller.FEEDBACK_DESK ? status : 403;
  }

  private static Function<Caller, Integer> editors(int status) {
    return caller -> caller == Caller.ANONYMOUS ? 401
        : caller == Caller.MANAGER_MIA || caller == Caller.ADMIN ? status : 403;
  }

  private static Function<Caller, Integer> nobody() {
    return caller -> caller == Caller.ANONYMOUS ? 401 : 403;
  }

  private static Function<Caller, Integer> only(Caller allowed, int status) {
    return caller -> caller == Caller.ANONYMOUS ? 401 : caller == allowed ? status : 403;
  }

  /** Webapp pages: anonymous browsers are sent to the sign-in form, service accounts refused. */
  private static Function<Caller, Integer> webapp(int status) {
    return webapp(caller -> status);
  }

  private static Function<Caller, Integer> webapp(Function<Caller, Integer> forPeople) {
    Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      statuses.put(caller, caller == Caller.ANONYMOUS ? 302 : caller.serviceAccount() ? 403 : forPeople.apply(caller));
    }
    return statuses::get;
  }

  /** A resolved alert nobody knows: accepted and ignored, so the matrix opens no incidents. */
  private static String resolvedAlert() {
    return "{\"version\":\"4\",\"status\":\"resolved\",\"alerts\":[{\"status\":\"resolved\",\"labels\":"
        + "{\"alertname\":\"Matrix\"},\"fingerprint\":\"matrix-" + SEQUENCE.incrementAndGet() + "\"}]}";
  }

  private static String newService() {
    return "{\"key\":\"matrix-" + SEQUENCE.incrementAndGet() + "\",\"name\":\"Matrix\",\"tier\":3,\"devGroup\":\"dev\"}";
  }
}
