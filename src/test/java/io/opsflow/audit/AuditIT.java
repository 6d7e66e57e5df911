package io.opsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * The audit trail: each kind of entry (configuration, approvals, overrides, claims, completions,
 * Admin's identity changes) with its actor and before/after, the filters and bounds of
 * {@code GET /api/audit}, and that only managers and administrators read it.
 */
class AuditIT extends IntegrationTest {

  @Test
  void catalogChangesAreAuditedWithBeforeAndAfterAndARefusedChangeLeavesNoEntry() {
    String service = "audit-" + suffix();
    assertStatus(as("mia").post("/api/services", "{\"key\":\"" + service + "\",\"name\":\"Audit\",\"tier\":3,\"devGroup\":\"dev\"}"), 201);
    assertStatus(as("mia").put("/api/services/" + service, "{\"name\":\"Audit\",\"tier\":2,\"devGroup\":\"dev\"}"), 200);
    long entries = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM audit_entry");
    assertStatus(as("mia").put("/api/services/" + service, "{\"name\":\"Audit\",\"tier\":1,\"devGroup\":\"nobody\"}"), 400);

    JsonNode trail = audit("mia", "subject=" + service);

    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM audit_entry")).as("the refused change").isEqualTo(entries);
    assertThat(trail.findValuesAsText("action")).containsExactly("service.updated", "service.created");
    JsonNode updated = trail.get(0);
    assertThat(updated.path("actor").asText()).isEqualTo("mia");
    assertThat(updated.path("source").asText()).isEqualTo("opsflow");
    assertThat(updated.path("before").path("tier").asInt()).isEqualTo(3);
    assertThat(updated.path("after").path("tier").asInt()).isEqualTo(2);
    assertThat(trail.get(1).has("before")).isFalse();
    assertThat(trail.get(1).path("after").path("tier").asInt()).isEqualTo(3);
  }

  @Test
  void freezeWindowsServiceAccountsAndTokensAreAudited() {
    String window = as("mia").post("/api/freeze-windows", """
        {"start":"2031-01-01T00:00:00Z","end":"2031-01-02T00:00:00Z","services":["reporting"],"reason":"audit test"}""")
        .json().path("id").asText();
    assertStatus(as("mia").delete("/api/freeze-windows/" + window), 204);
    String account = "audit-" + suffix();
    assertStatus(as("admin").post("/api/service-accounts", "{\"id\":\"" + account + "\",\"group\":\"ci\"}"), 201);
    String token = as("admin").post("/api/service-accounts/" + account + "/tokens", "{\"label\":\"pipeline\"}").json()
        .path("tokenId").asText();
    assertStatus(as("admin").delete("/api/service-accounts/" + account + "/tokens/" + token), 204);

    JsonNode windowTrail = audit("mia", "subject=" + window);
    assertThat(windowTrail.findValuesAsText("action")).containsExactly("freeze-window.deleted", "freeze-window.created");
    assertThat(windowTrail.get(0).path("before").path("reason").asText()).isEqualTo("audit test");
    assertThat(windowTrail.get(1).path("after").path("services").get(0).asText()).isEqualTo("reporting");
    assertThat(windowTrail.findValuesAsText("actor")).containsOnly("mia");
    assertThat(audit("admin", "subject=" + account).get(0).path("action").asText()).isEqualTo("service-account.created");
    JsonNode tokenTrail = audit("admin", "subject=" + token);
    assertThat(tokenTrail.findValuesAsText("action")).containsExactly("token.revoked", "token.issued");
    assertThat(tokenTrail.findValuesAsText("actor")).containsOnly("admin");
    assertThat(tokenTrail.get(0).path("before").path("active").asBoolean()).isTrue();
    assertThat(tokenTrail.get(0).path("after").path("active").asBoolean()).isFalse();
    assertThat(tokenTrail.toString()).doesNotContain("ofs_");
  }

  @Test
  void triageClaimCompletionPriorityOverrideAndRestrictionAreAuditedWithTheIncidentKey() {
    String incident = as("olivia").post("/api/incidents",
        "{\"service\":\"reporting\",\"title\":\"Audit me\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    String process = processInstanceId(incident);
    executeDueJobs(process);
    String triage = processEngine.getTaskService().createTaskQuery().processInstanceId(process).singleResult().getId();

    assertStatus(as("olivia").post("/engine-rest/task/" + triage + "/claim", "{\"userId\":\"olivia\"}"), 204);
    assertStatus(as("olivia").post("/engine-rest/task/" + triage + "/complete", """
        {"variables":{"category":{"value":"security"},"diagnosisGroup":{"value":"ops"},
         "priorityOverride":{"value":"P2"},"overrideReason":{"value":"customer data exposed"}}}"""), 204);

    JsonNode trail = audit("mia", "subject=" + incident);
    assertThat(trail.findValuesAsText("action")).contains("task.claim", "task.complete", "incident.priority-overridden",
        "incident.restricted");
    assertThat(trail.findValuesAsText("actor")).containsOnly("olivia");
    JsonNode claim = entry(trail, "task.claim");
    assertThat(claim.path("source").asText()).isEqualTo("camunda");
    assertThat(claim.path("details").asText()).isEqualTo("Task 'Acknowledge & triage'");
    assertThat(claim.path("before").path("assignee").isNull()).isTrue();
    assertThat(claim.path("after").path("assignee").asText()).isEqualTo("olivia");
    JsonNode override = entry(trail, "incident.priority-overridden");
    assertThat(override.path("before").path("priority").asText()).isEqualTo("P4");
    assertThat(override.path("after").path("priority").asText()).isEqualTo("P2");
    assertThat(override.path("details").asText()).isEqualTo("customer data exposed");
    JsonNode restricted = entry(trail, "incident.restricted");
    assertThat(restricted.path("before").path("restricted").asBoolean()).isFalse();
    assertThat(restricted.path("after").path("category").asText()).isEqualTo("security");
    assertThat(audit("mia", "subject=" + incident + "&actor=devon").size()).isZero();
  }

  @Test
  void approvalsAnEmergencyChangeInsideAFreezeWindowAndAnAbortedPlanAreAudited() {
    String service = "audit-" + suffix();
    assertStatus(as("mia").post("/api/services", "{\"key\":\"" + service + "\",\"name\":\"Audit\",\"tier\":3,\"devGroup\":\"dev\"}"), 201);
    String peer = change(service, "normal");
    Instant now = Instant.now();
    as("mia").post("/api/freeze-windows", """
        {"start":"%s","end":"%s","services":["%s"],"reason":"quarter end"}"""
        .formatted(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), service));
    String emergency = change(service, "emergency");
    for (String approver : List.of("oscar", "devon", "quinn")) {
      String task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(peer)
          .taskDefinitionKey("Task_ApproveChange").taskCandidateUser(approver).singleResult().getId();
      assertStatus(as(approver).post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + approver + "\"}"), 204);
      assertStatus(as(approver).post("/engine-rest/task/" + task + "/complete",
          "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"fine by " + approver + "\"}}}"), 204);
    }
    String activation = as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"" + service + "\",\"drill\":false}").json().path("activationKey").asText();
    String command = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(activation).singleResult()
        .getId();
    assertStatus(as("mia").post("/engine-rest/task/" + command + "/claim", "{\"userId\":\"mia\"}"), 204);
    assertStatus(as("mia").post("/engine-rest/task/" + command + "/complete",
        "{\"variables\":{\"proceed\":{\"value\":false},\"briefing\":{\"value\":\"false alarm\"}}}"), 204);

    JsonNode override = entry(audit("mia", "subject=" + emergency), "change.freeze-overridden");
    assertThat(override.path("actor").asText()).isEqualTo("olivia");
    assertThat(override.path("details").asText()).contains("quarter end");
    JsonNode approvals = audit("mia", "subject=" + peer);
    List<String> approvers = new ArrayList<>();
    approvals.forEach(entry -> {
      if (entry.path("action").asText().equals("change.approved")) {
        approvers.add(entry.path("actor").asText());
        assertThat(entry.path("details").asText()).contains("fine by " + entry.path("actor").asText());
      }
    });
    assertThat(approvers).containsExactlyInAnyOrder("oscar", "devon", "quinn");
    JsonNode aborted = entry(audit("mia", "subject=" + activation), "emergency-plan.aborted");
    assertThat(aborted.path("actor").asText()).isEqualTo("mia");
    assertThat(aborted.path("details").asText()).isEqualTo("false alarm");
  }

  @Test
  void identityChangesMadeInAdminComeFromCamundasLog() {
    String user = "audit" + suffix().replace("-", "");
    assertStatus(as("admin").post("/engine-rest/user/create", """
        {"profile":{"id":"%s","firstName":"Audit","lastName":"Person"},"credentials":{"password":"audit-password-1"}}"""
        .formatted(user)), 204);
    assertStatus(as("admin").put("/engine-rest/group/qa/members/" + user, ""), 204);

    JsonNode created = entry(audit("admin", "subject=" + user), "user.create");
    JsonNode joined = entry(audit("admin", "subject=qa&actor=admin"), "group-membership.create");

    assertThat(created.path("actor").asText()).isEqualTo("admin");
    assertThat(created.path("after").path("userId").asText()).isEqualTo(user);
    assertThat(joined.path("details").asText()).isEqualTo("User " + user);
  }

  @Test
  void entriesComeNewestFirstWithinTheWindowAndTheLimit() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    String service = "audit-" + suffix();
    assertStatus(as("mia").post("/api/services", "{\"key\":\"" + service + "\",\"name\":\"Audit\",\"tier\":3,\"devGroup\":\"dev\"}"), 201);
    assertStatus(as("mia").put("/api/services/" + service, "{\"name\":\"Audit 2\",\"tier\":3,\"devGroup\":\"dev\"}"), 200);

    // bounded on both sides: process tests that move the engine clock leave entries dated in the future
    Instant after = Instant.now().plusSeconds(5);
    JsonNode newest = audit("mia", "actor=mia&limit=1&from=" + before + "&to=" + after);
    JsonNode window = audit("admin", "from=" + before + "&to=" + after + "&limit=1000");
    JsonNode earlier = audit("admin", "to=" + before + "&subject=" + service);

    assertThat(newest.size()).isOne();
    assertThat(newest.get(0).path("action").asText()).isEqualTo("service.updated");
    assertThat(window.findValuesAsText("subject")).contains(service);
    List<String> times = window.findValuesAsText("time");
    assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(earlier.size()).isZero();
  }

  @Test
  void badQueriesAreRefusedWithAProblem() {
    for (String query : List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-03-01T00:00:00",
        "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to=+999999999-01-01T00:00:00Z", "limit=0", "limit=1001",
        "limit=many")) {
      Response refused = as("mia").get("/api/audit?" + query);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void onlyManagersAndAdministratorsReadTheAuditTrail() {
    assertStatus(as("mia").get("/api/audit"), 200);
    assertStatus(as("admin").get("/api/audit"), 200);
    for (Api caller : List.of(as("devon"), as("olivia"), as("sasha"), api().bearer("demo-ci-token"),
        api().bearer("demo-alert-token"))) {
      assertStatus(caller.get("/api/audit"), 403);
    }
    assertStatus(api().get("/api/audit"), 401);
  }

  // --- helpers

  private JsonNode audit(String reader, String query) {
    Response answer = as(reader).get("/api/audit?" + query);
    assertStatus(answer, 200);
    return answer.json();
  }

  private static JsonNode entry(JsonNode trail, String action) {
    for (JsonNode entry : trail) {
      if (entry.path("action").asText().equals(action)) {
        return entry;
      }
    }
    throw new AssertionError("no " + action + " in " + trail);
  }

  private String change(String service, String type) {
    Response created = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"1.0","title":"Audit","changeType":"%s","tests":"passed","hasDbMigration":false,
         "requestedBy":"olivia"}""".formatted(service, type));
    assertStatus(created, 201);
    return created.json().path("changeKey").asText();
  }


  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void assertStatus(Response response, int expected) {
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
  }
}
