package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import io.opsflow.kernel.webhook.SignedWebhook;
import io.opsflow.kernel.webhook.StandardWebhookSigner;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.HookReceiver;
import io.opsflow.support.IntegrationTest;

/** The deploy hook against a local HTTP server: signed calls, retries, then an incident in Cockpit. */
class DeployHookIT extends IntegrationTest {

  @Autowired
  ServiceCatalog catalog;

  @Test
  void failingHookIsRetriedThenShowsAnIncidentInCockpitAndCiCanStillReport() {
    if (catalog.find(HOOKED_SERVICE).isEmpty()) {
      catalog.create(new ServiceDraft(HOOKED_SERVICE, "Change test with deploy hook", 1, "dev", "ops", List.of()));
    }
    String key = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"9.9.9","title":"Hooked","changeType":"emergency","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(HOOKED_SERVICE)).json().path("changeKey").asText();
    String processId = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult().getId();
    String approval = processEngine.getTaskService().createTaskQuery().processInstanceId(processId).singleResult().getId();
    processEngine.getTaskService().claim(approval, "mia");
    processEngine.getTaskService().complete(approval, java.util.Map.of("approved", true));
    HookReceiver hook = HookReceiver.shared();
    int before = hook.callsTo(HOOK_PATH).size();
    hook.answerNext(500, 502, 503);

    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = processEngine.getManagementService().createJobQuery().processInstanceId(processId)
          .activityId("Task_TriggerDeployment").singleResult();
      try {
        processEngine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        assertThat(expected).hasMessageContaining("answered HTTP 50");
      }
    }

    List<HookReceiver.Call> calls = hook.callsTo(HOOK_PATH).subList(before, hook.callsTo(HOOK_PATH).size());
    assertThat(calls).hasSize(3).allMatch(call -> key.equals(call.header("X-OpsFlow-Delivery")))
        .allMatch(call -> call.header("X-OpsFlow-Signature").equals("sha256=" + SignedWebhook.sign(HOOK_SECRET, call.body())))
        .as("Standard Webhooks headers, the retry keeping its webhook-id").allMatch(call -> key.equals(call.header("webhook-id"))
            && call.header("webhook-signature").equals(StandardWebhookSigner.signature(HOOK_SECRET, key,
                Long.parseLong(call.header("webhook-timestamp")), call.body())));
    Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(processId).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_TriggerDeployment");
    assertThat(incident.getIncidentMessage()).contains("HTTP 503");

    var reported = api().bearer("demo-ci-token").post("/api/changes/" + key + "/deployment", "{\"status\":\"succeeded\"}");
    assertThat(reported.status()).as("CI that deployed on its own can still report").isEqualTo(200);
    assertThat(reported.json().path("state").asText()).isEqualTo("verifying");
  }
}
