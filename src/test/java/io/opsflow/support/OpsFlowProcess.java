package io.opsflow.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpsFlow started from the packaged jar in its own process, as an operator starts it. Used to
 * test the profiles end to end: resources deployed from the jar, schema creation, restarts.
 */
public final class OpsFlowProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "opsflow.jar").toAbsolutePath();

  private final Process process;
  private final Path log;
  private final int port;

  private OpsFlowProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the jar in {@code workDir} and returns once it is running (or has exited). */
  public static OpsFlowProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify, which packages it first");
    }
    int port = freePort();
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "opsflow-", ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString(),
        "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPSFLOW_"));
    builder.environment().putAll(environment);
    OpsFlowProcess started = new OpsFlowProcess(builder.start(), log, port);
    started.awaitRunningOrExit(Duration.ofSeconds(150));
    return started;
  }

  public Api api() {
    return Api.at(port);
  }

  public boolean running() {
    return process.isAlive();
  }

  public int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitRunningOrExit(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        return;
      }
      try {
        if (api().anonymous().get("/actuator/health").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYetListening) {
        // keep waiting
      }
      sleep();
    }
    close();
    throw new IllegalStateException("OpsFlow did not start within " + timeout + ":\n" + output());
  }

  /** Stops it the way a service manager does (SIGTERM, graceful shutdown). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
