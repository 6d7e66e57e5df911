package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.IntegrationTest;

/**
 * The CI snippets in docs/ci run for real: their shell steps (curl and sed only) open a change,
 * wait at the gate, run a stand-in deploy.sh and report the result to a running OpsFlow.
 */
class CiSnippetsIT extends IntegrationTest {

  private static final String SERVICE = "chg-ci";
  private static final Path DOCS = Path.of("docs", "ci");

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  Changes changes;

  @TempDir
  Path workDir;

  @BeforeEach
  void service() {
    if (catalog.find(SERVICE).isEmpty()) {
      catalog.create(new ServiceDraft(SERVICE, "CI snippet test", 3, "dev", "ops", List.of()));
    }
  }

  @Test
  void githubActionsStepDeploysAStandardChangeThroughTheGate() throws Exception {
    String runId = UUID.randomUUID().toString();
    Map<String, String> env = environment("standard", true);
    env.putAll(Map.of("GITHUB_SERVER_URL", "https://github.example", "GITHUB_REPOSITORY", "acme/payments",
        "GITHUB_RUN_ID", runId, "GITHUB_SHA", "1a2b3c4d"));

    Result result = run(githubScript(), env);

    assertThat(result.exitCode()).as(result.output()).isZero();
    Change change = changeFrom(result);
    assertThat(change.idempotencyKey()).isEqualTo("github-acme/payments-" + runId);
    assertThat(change.deploymentStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
    assertThat(change.commitSha()).isEqualTo("1a2b3c4d");
    assertThat(change.pipelineUrl()).isEqualTo("https://github.example/acme/payments/actions/runs/" + runId);
  }

  @Test
  void gitlabJobWaitsWhileOpsDevAndQaApproveANormalChange() throws Exception {
    Map<String, String> env = environment("normal", true);
    env.put("REQUESTED_BY", "olivia");
    env.putAll(Map.of("CI_PIPELINE_URL", "https://gitlab.example/acme/payments/-/pipelines/77",
        "CI_PROJECT_ID", "42", "CI_PIPELINE_ID", UUID.randomUUID().toString(), "CI_COMMIT_SHA", "5e6f7a8b"));

    Process job = start(gitlabScript(), env);
    String key = awaitChangeWithApprovals(Duration.ofSeconds(30));
    assertThat(job.isAlive()).as("the job waits at the gate").isTrue();
    for (String[] approver : new String[][] {{"ops", "oscar"}, {"dev", "devon"}, {"qa", "quinn"}}) {
      Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
          .taskCandidateGroup(approver[0]).singleResult();
      processEngine.getTaskService().claim(task.getId(), approver[1]);
      processEngine.getTaskService().complete(task.getId(), Map.of("approved", true));
    }
    Result result = finish(job);

    assertThat(result.exitCode()).as(result.output()).isZero();
    Change change = changes.get(key);
    assertThat(change.requestedBy()).isEqualTo("olivia");
    assertThat(change.deploymentStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
  }

  @Test
  void jenkinsStageReportsAFailedDeploymentAndFails() throws Exception {
    Map<String, String> env = environment("standard", false);
    env.putAll(Map.of("BUILD_URL", "https://jenkins.example/job/payments/12/", "BUILD_TAG",
        "jenkins-payments-" + UUID.randomUUID(), "GIT_COMMIT", "9c8d7e6f"));

    Result result = run(jenkinsScript(), env);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    Change change = changeFrom(result);
    assertThat(change.deploymentStatus()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(change.incidentKey()).as("a failed deployment opens an incident").startsWith("INC-");
  }

  @Test
  void aRejectedGateStopsThePipeline() throws Exception {
    Map<String, String> env = environment("normal", true);
    env.putAll(Map.of("GITHUB_SERVER_URL", "https://github.example", "GITHUB_REPOSITORY", "acme/payments",
        "GITHUB_RUN_ID", UUID.randomUUID().toString(), "GITHUB_SHA", "1a2b3c4d"));

    Process job = start(githubScript(), env);
    String key = awaitChangeWithApprovals(Duration.ofSeconds(30));
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskCandidateGroup("qa").singleResult();
    processEngine.getTaskService().claim(task.getId(), "quinn");
    processEngine.getTaskService().complete(task.getId(), Map.of("approved", false, "comment", "no test evidence"));
    Result result = finish(job);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("OpsFlow gate rejected").contains("no test evidence");
    assertThat(Files.exists(workDir.resolve("deployed"))).as("never deployed").isFalse();
  }

  // --- running the snippets

  record Result(int exitCode, String output) {
  }

  private Map<String, String> environment(String changeType, boolean deploySucceeds) throws IOException {
    Path deploy = workDir.resolve("deploy.sh");
    Files.writeString(deploy, deploySucceeds ? "#!/bin/sh\necho \"deploying $1\"\ntouch deployed\n"
        : "#!/bin/sh\necho \"deploy of $1 failed\" >&2\nexit 3\n");
    Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new HashMap<>(Map.of("OPSFLOW_URL", "http://localhost:" + port,
        "OPSFLOW_TOKEN", "demo-ci-token", "SERVICE", SERVICE, "VERSION", "4.2." + Instant.now().getEpochSecond(),
        "CHANGE_TYPE", changeType, "TESTS", "passed", "HAS_DB_MIGRATION", "false", "GATE_TIMEOUT_SECONDS", "60",
        "POLL_SECONDS", "1"));
    env.put("REQUESTED_BY", "");
    return env;
  }

  private Result run(String script, Map<String, String> env) throws Exception {
    return finish(start(script, env));
  }

  private Process start(String script, Map<String, String> env) throws IOException {
    Path file = workDir.resolve("step-" + UUID.randomUUID() + ".sh");
    Files.writeString(file, script);
    ProcessBuilder builder = new ProcessBuilder("sh", file.toString()).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve(file.getFileName() + ".log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private Result finish(Process job) throws Exception {
    assertThat(job.waitFor(90, TimeUnit.SECONDS)).as("the step finishes").isTrue();
    String output;
    try (var logs = Files.list(workDir)) {
      Path log = logs.filter(path -> path.toString().endsWith(".log"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
      output = Files.readString(log);
    }
    return new Result(job.exitValue(), output);
  }

  private Change changeFrom(Result result) {
    String key = result.output().lines().filter(line -> line.startsWith("OpsFlow change "))
        .map(line -> line.substring("OpsFlow change ".length(), line.indexOf(':'))).findFirst().orElseThrow();
    return changes.get(key);
  }

  private String awaitChangeWithApprovals(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<Change> open = changes.list("open", SERVICE, 10, true);
      for (Change change : open) {
        if (processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(change.changeKey())
            .taskDefinitionKey("Task_ApproveChange").count() == 3) {
          return change.changeKey();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no change waiting for approval appeared");
  }

  // --- the shell steps, taken from the snippets as a CI system would run them

  static String githubScript() throws IOException {
    return indentedBlockAfter(Files.readAllLines(DOCS.resolve("github-actions.yml")), "run: |");
  }

  static String gitlabScript() throws IOException {
    return indentedBlockAfter(Files.readAllLines(DOCS.resolve("gitlab-ci.yml")), "- |");
  }

  /** The body of sh '''...''', with Groovy's escapes applied as Jenkins does. */
  static String jenkinsScript() throws IOException {
    String file = Files.readString(DOCS.resolve("Jenkinsfile"));
    int start = file.indexOf("sh '''") + "sh '''".length();
    String body = file.substring(start, file.indexOf("'''", start));
    return body.replace("\\\n", "").replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\\$", "$")
        .replace("\u0000", "\\");
  }

  /** A YAML block scalar: the lines after the marker that are indented deeper than it. */
  static String indentedBlockAfter(List<String> lines, String marker) {
    List<String> block = new ArrayList<>();
    int markerIndent = -1;
    int blockIndent = -1;
    for (String line : lines) {
      if (markerIndent < 0) {
        if (line.strip().equals(marker) || line.strip().endsWith(" " + marker)) {
          markerIndent = line.indexOf(line.strip());
        }
        continue;
      }
      int indent = line.indexOf(line.strip());
      if (!line.isBlank() && indent <= markerIndent) {
        break;
      }
      if (blockIndent < 0 && !line.isBlank()) {
        blockIndent = indent;
      }
      block.add(line.isBlank() ? "" : line.substring(blockIndent));
    }
    return String.join("\n", block) + "\n";
  }
}
