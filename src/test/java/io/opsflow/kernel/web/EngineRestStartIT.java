package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.security.Groups;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * Every process a person may start (as the grants say, so a new one needs an entry here) refuses a
 * start through {@code /engine-rest} with missing or wrong-typed variables with a 400 that says
 * what to change, and starts nothing; so do starts that name a record which already has its
 * process, and the retrospective request message.
 */
class EngineRestStartIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLANS = "emergency-plan-";

  /** A good start of each process a person may start, and who may start it. */
  private record Start(String starter, Map<String, Object> variables) {
  }

  private static final Map<String, Start> STARTS = Map.of(
      "incident-response", new Start("olivia", Map.of("service", "payments-api", "title", "Started through REST",
          "description", "A test", "impact", "low", "urgency", "low")),
      "change-release", new Start("olivia", Map.of("service", "reporting", "version", "1.0", "title",
          "Started through REST", "changeType", "normal", "testsFailed", false, "hasDbMigration", false,
          "plannedStart", "2030-01-01T00:00Z")),
      PLANS, new Start("mia", Map.of("service", "payments-api", "drill", true, "incidentKey", "")),
      "post-launch-retrospective", new Start("mia", Map.of("service", "reporting",
          "windowStart", "2026-01-01T00:00Z", "windowEnd", "2026-01-02T00:00Z")));

  @TestFactory
  Stream<DynamicTest> startsWithMissingOrWrongTypedVariablesAreRefused() {
    Set<String> startable = startableProcesses();
    Map<String, Start> starts = new HashMap<>(STARTS);
    // a launch needs a planned service that no launch runs for yet: a new one each time
    String planned = "rest-launch" + Fixtures.uniqueSuffix();
    assertThat(as("mia").post("/api/services", json(Map.of("key", planned, "name", "Launched through REST", "tier", 3,
        "devGroup", "dev"))).status()).isEqualTo(201);
    starts.put("service-launch", new Start("mia", Map.of("service", planned, "version", "1.0", "plannedDate",
        LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(), "hypercareDays", 14, "feedbackNotApplicable", false)));
    // a retirement needs a live service that no retirement runs for yet: a new one each time
    String live = "rest-retire" + Fixtures.uniqueSuffix();
    assertThat(as("mia").post("/api/services", json(Map.of("key", live, "name", "Retired through REST", "tier", 3,
        "devGroup", "dev", "lifecycle", "live"))).status()).isEqualTo(201);
    starts.put("service-retirement", new Start("mia", Map.of("service", live, "shutdownDate",
        LocalDate.now(ZoneOffset.UTC).plusDays(40).toString(), "noticeDays", 30)));
    assertThat(startable.stream().filter(key -> !starts.containsKey(key) && !key.startsWith(PLANS)))
        .as("processes people may start, without an entry in EngineRestStartIT.STARTS").isEmpty();
    return startable.stream().flatMap(key -> {
      Start start = starts.get(key.startsWith(PLANS) ? PLANS : key);
      Stream<DynamicTest> good = Stream.of(DynamicTest.dynamicTest(key + ": a good start", () -> {
        Response started = start(start.starter(), key, "start", variables(start.variables()));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
      }));
      Stream<DynamicTest> empty = Stream.of("start", "submit-form").map(call -> DynamicTest.dynamicTest(
          key + ": " + call + " without variables", () -> refused(start.starter(), key, call, Map.of(), null)));
      Stream<DynamicTest> wrongTypes = start.variables().keySet().stream().flatMap(name ->
          wrongTypes(start.variables().get(name)).entrySet().stream().map(wrong -> DynamicTest.dynamicTest(
              key + ": " + name + " as " + wrong.getKey(), () -> {
                Map<String, Object> variables = new LinkedHashMap<>(variables(start.variables()));
                variables.put(name, wrong.getValue());
                refused(start.starter(), key, "start", variables, name);
              })));
      return Stream.of(good, empty, wrongTypes).flatMap(tests -> tests);
    });
  }

  @Test
  void aStartForARecordThatAlreadyHasItsProcessIsRefused() {
    String incident = as("olivia").post("/api/incidents",
        "{\"service\":\"reporting\",\"title\":\"Has its process\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    String change = api().bearer("demo-ci-token").post("/api/changes", "{\"service\":\"reporting\",\"version\":\"1.0\","
        + "\"title\":\"Has its process\",\"changeType\":\"normal\",\"tests\":\"passed\",\"hasDbMigration\":false}")
        .json().path("changeKey").asText();

    refused("olivia", "incident-response", "start", Map.of("incidentKey", Map.of("value", incident)), null);
    refused("olivia", "incident-response", "start", Map.of("incidentKey", Map.of("value", "INC-1999-0001")), null);
    refused("olivia", "change-release", "submit-form", Map.of("changeKey", Map.of("value", change)), null);

    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .count()).isOne();
  }

  @Test
  void aRetrospectiveRequestMessageWithBadVariablesIsRefused() {
    for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of(),
        Map.of("subjectType", Map.of("value", "change")),
        Map.of("subjectType", Map.of("value", "incident"), "subjectKey", Map.of("value", "INC-1999-0001")),
        Map.of("subjectType", Map.of("value", "party")))) {
      long processes = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST");

      Response response = as("mia").post("/engine-rest/message", json(Map.of("messageName", "RetrospectiveRequested",
          "processVariables", variables)));

      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.json().path("message").asText()).startsWith("cannot request the retrospective: ");
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST")).isEqualTo(processes);
    }
  }

  private Set<String> startableProcesses() {
    String[] people = Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMIN)).toArray(String[]::new);
    return processEngine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_DEFINITION).groupIdIn(people)
        .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).list().stream()
        .map(Authorization::getResourceId).filter(key -> !"*".equals(key))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private void refused(String person, String processKey, String call, Map<String, Object> variables, String named) {
    long processes = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST");

    Response response = start(person, processKey, call, variables);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).as(response.toString()).startsWith("cannot ")
        .contains(named == null ? "" : named);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM ACT_HI_PROCINST")).as("nothing started")
        .isEqualTo(processes);
  }

  private Response start(String person, String processKey, String call, Map<String, Object> variables) {
    Api caller = as(person);
    return caller.post("/engine-rest/process-definition/key/" + processKey + "/" + call,
        json(Map.of("variables", variables)));
  }

  /** Variables as the REST API takes them: {"name": {"value": ...}}. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private static Map<String, Object> wrongTypes(Object good) {
    Map<String, Object> wrong = new LinkedHashMap<>();
    if (good instanceof Boolean) {
      wrong.put("a word", Map.of("value", "maybe"));
      wrong.put("a number", Map.of("value", 1, "type", "Integer"));
    } else {
      wrong.put("a number", Map.of("value", 12345, "type", "Integer"));
      wrong.put("a boolean", Map.of("value", true, "type", "Boolean"));
      wrong.put("JSON", Map.of("value", "{\"a\":1}", "type", "Json"));
    }
    return wrong;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
