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
import java.util.concurrent.TimeUnit;

/**
 * OpsFlow started from the packaged jar in its own process, as an operator starts it. Used to
 * test the profiles end to end: resources deployed from the jar, schema creation, restarts, a
 * crash ({@link #kill()}) and several nodes on one database.
 */
public final class OpsFlowProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "opsflow.jar").toAbsolutePath();

  /** Whether the node runs jobs (async steps, timers). Off unless a test needs it, so starts stay quiet. */
  public enum Jobs { OFF, ON }

  private record Launch(Path workDir, Map<String, String> environment, Jobs jobs, List<String> args, int port,
      List<String> jvmOptions) {
  }

  private final Launch launch;
  private final Process process;
  private final Path log;

  private OpsFlowProcess(Launch launch, Process process, Path log) {
    this.launch = launch;
    this.process = process;
    this.log = log;
  }

  /** Starts the jar in {@code workDir}, without job execution, and returns once it is running (or has exited). */
  public static OpsFlowProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
    return start(workDir, environment, Jobs.OFF, args);
  }

  public static OpsFlowProcess start(Path workDir, Map<String, String> environment, Jobs jobs, String... args)
      throws IOException {
    return start(workDir, environment, jobs, jvmOptions(), args);
  }

  /** Starts it with the JVM's default options (no {@link #jvmOptions()}), as operators run it: for measuring it. */
  public static OpsFlowProcess startAsOperatorsRunIt(Path workDir, Map<String, String> environment, Jobs jobs,
      String... args) throws IOException {
    return start(workDir, environment, jobs, List.of(), args);
  }

  private static OpsFlowProcess start(Path workDir, Map<String, String> environment, Jobs jobs,
      List<String> jvmOptions, String... args) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify, which packages it first");
    }
    return launch(new Launch(workDir, Map.copyOf(environment), jobs, List.of(args), freePort(), jvmOptions));
  }

  /** Starts the same node again (same port, settings and database) after it stopped or was killed. */
  public OpsFlowProcess restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("still running: close() or kill() it first");
    }
    return launch(launch);
  }

  private static OpsFlowProcess launch(Launch launch) throws IOException {
    Files.createDirectories(launch.workDir());
    Path log = Files.createTempFile(launch.workDir(), "opsflow-", ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    command.addAll(launch.jvmOptions());
    command.addAll(List.of("-jar", JAR.toString(),
        "--server.port=" + launch.port(), "--camunda.bpm.job-execution.enabled=" + (launch.jobs() == Jobs.ON)));
    command.addAll(launch.args());
    ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDir().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPSFLOW_"));
    builder.environment().putAll(launch.environment());
    Instant begin = Instant.now();
    OpsFlowProcess started = new OpsFlowProcess(launch, builder.start(), log);
    // generous: on a busy machine (a crashed node restarting next to a loaded one) a start takes
    // minutes instead of 25 s; -Dopsflow.start-minutes= allows more on a machine shared by several builds
    started.awaitRunningOrExit(Duration.ofMinutes(Long.getLong("opsflow.start-minutes", 6)));
    System.out.printf("OpsFlow on port %d %s after %d s%n", launch.port(), started.running() ? "started" : "exited",
        Duration.between(begin, Instant.now()).toSeconds());
    return started;
  }

  /**
   * The JVM's options beyond the heap, from {@code -Dopsflow.jar-jvm-options} (separated by spaces): the build's
   * integration tests start the jars with C1 alone ({@code -XX:TieredStopAtLevel=1}, pom.xml), which starts one
   * with about half the CPU. The benchmark ignores them ({@link #startAsOperatorsRunIt}).
   */
  private static List<String> jvmOptions() {
    String options = System.getProperty("opsflow.jar-jvm-options", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  public Api api() {
    return Api.at(launch.port());
  }

  public int port() {
    return launch.port();
  }

  /** The operating system's id of the node's process (for its memory, as the benchmark reads it). */
  public long pid() {
    return process.pid();
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

  /** A crash: SIGKILL on Linux ({@code kill -9}); no shutdown hook, no transaction finishes. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops it the way a service manager does (SIGTERM, graceful shutdown). */
  @Override
  public void close() {
    stop(process);
  }

  /** SIGTERM, then SIGKILL after 30 s: how a service manager stops a Spring Boot jar. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
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
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
