package io.opsflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The baseline: bench/bare (Camunda's Spring Boot starter with the same webapps and REST, same
 * Spring Boot, pool, job executor and history level as OpsFlow's prod profile), started from its jar
 * on its own fresh database with the same JVM heap limit as OpsFlow, as {@code OpsFlowProcess} starts OpsFlow.
 */
final class BareCamunda implements AutoCloseable {

  static final Path PROJECT = Path.of("bench", "bare").toAbsolutePath();
  static final Path JAR = PROJECT.resolve(Path.of("target", "bare-camunda.jar"));

  private final Process process;
  private final int port;
  private final Path log;
  final Duration startUp;

  private BareCamunda(Process process, int port, Path log, Duration startUp) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startUp = startUp;
  }

  /** Builds the bare app with the project's Maven wrapper (same ~/.m2) unless its jar is there. */
  static void build() throws IOException, InterruptedException {
    if (Files.exists(JAR)) {
      return;
    }
    Process maven = new ProcessBuilder("./mvnw", "-B", "-q", "-f", "bench/bare/pom.xml", "-DskipTests", "package")
        .inheritIO().start();
    if (maven.waitFor() != 0 || !Files.exists(JAR)) {
      throw new IllegalStateException("building bench/bare failed (./mvnw -f bench/bare/pom.xml package)");
    }
  }

  /** Starts it and returns when /engine-rest answers; {@link #startUp} is the time from launch to then. */
  static BareCamunda start(Path workDir, String databaseUrl, String user, String password) throws Exception {
    build();
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "bare-", ".log");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()))
        .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("BENCH_DB_URL", databaseUrl);
    builder.environment().put("BENCH_DB_USER", user);
    builder.environment().put("BENCH_DB_PASSWORD", password);
    builder.environment().put("BENCH_PORT", String.valueOf(port));
    Instant begin = Instant.now();
    Process process = builder.start();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine")).build();
    Instant deadline = begin.plus(Duration.ofMinutes(Long.getLong("opsflow.start-minutes", 6)));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new BareCamunda(process, port, log, Duration.between(begin, Instant.now()));
        }
      } catch (IOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    process.destroyForcibly().waitFor();
    throw new IllegalStateException("the bare Camunda app did not start:\n" + Files.readString(log));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    io.opsflow.support.OpsFlowProcess.stop(process);
  }
}
