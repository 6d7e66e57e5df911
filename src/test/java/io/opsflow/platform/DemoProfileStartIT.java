package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsflow.support.Api;
import io.opsflow.support.OpsFlowProcess;

/**
 * The default profile, as the README's run command starts it: embedded H2 under ./data, demo data,
 * and everything kept across a restart, sign-ins included.
 */
class DemoProfileStartIT {

  @TempDir
  Path workDir;

  @Test
  void startsWithDemoDataOnAFileDatabaseAndKeepsDataAcrossARestart() throws Exception {
    Api signedIn;
    try (OpsFlowProcess first = OpsFlowProcess.start(workDir, Map.of())) {
      assertThat(first.running()).as(first.output()).isTrue();
      Api api = first.api();
      assertThat(api.basic("olivia", "demo").get("/engine-rest/engine").status()).isEqualTo(200);
      assertThat(api.anonymous().get("/engine-rest/engine").status()).isEqualTo(401);
      assertThat(api.basic("olivia", "demo").get("/api/services").json().findValuesAsText("key"))
          .containsExactly("payments-api", "reporting", "web-portal");
      assertThat(api.bearer("demo-ci-token").get("/api/services").status()).isEqualTo(403);
      signedIn = api.signIn("olivia", "demo");
      assertThat(signedIn.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
      assertThat(api.basic("mia", "demo").post("/api/services",
          "{\"key\":\"kept\",\"name\":\"Kept\",\"tier\":3,\"devGroup\":\"dev\"}").status()).isEqualTo(201);
    }
    assertThat(Files.list(workDir.resolve("data")).map(Path::getFileName).map(Path::toString))
        .anyMatch(name -> name.startsWith("opsflow") && name.endsWith(".mv.db"));

    try (OpsFlowProcess second = OpsFlowProcess.start(workDir, Map.of())) {
      assertThat(second.running()).as(second.output()).isTrue();
      assertThat(second.api().basic("olivia", "demo").get("/api/services/kept").status()).isEqualTo(200);
      assertThat(second.api().basic("olivia", "demo").get("/api/services").json().size()).isEqualTo(4);
      Api stillSignedIn = signedIn.on(second.port());
      assertThat(stillSignedIn.get("/camunda/app/tasklist/default/").status()).as("sessions survive the restart")
          .isEqualTo(200);
      assertThat(stillSignedIn.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(200);
    }
  }
}
