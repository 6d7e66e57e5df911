package io.opsflow.support;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alertmanager as it behaves towards a cluster behind a load balancer: several senders post
 * webhooks, each with two alerts of fingerprints never sent before, spread over the nodes, and
 * retry a webhook that got no 202 (refused connection, connection lost, any other answer) on the
 * next node until one answers 202.
 */
public final class AlertStream implements AutoCloseable {

  private static final String PATH = "/api/alerts/alertmanager";
  private static final Duration PAUSE = Duration.ofMillis(300);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  private final List<Integer> ports;
  private final List<Api> nodes;
  private final String prefix;
  private final ExecutorService senders;
  private final List<Future<?>> running = new ArrayList<>();
  private final AtomicInteger webhooks = new AtomicInteger();
  private volatile boolean stopping;

  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> acceptedByPort = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> inFlightByPort = new ConcurrentHashMap<>();
  private final List<String> otherAnswers = new CopyOnWriteArrayList<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lostInFlight = new AtomicLong();

  /** Starts {@code senders} senders that post to the nodes (by port) with this service account token. */
  public AlertStream(List<Integer> ports, String token, String prefix, int senders) {
    this.ports = List.copyOf(ports);
    this.nodes = ports.stream().map(port -> Api.at(port).bearer(token)).toList();
    this.prefix = prefix;
    this.senders = Executors.newFixedThreadPool(senders);
    for (int sender = 0; sender < senders; sender++) {
      int first = sender;
      running.add(this.senders.submit(() -> send(first)));
    }
  }

  private void send(int sender) {
    int node = sender;
    while (!stopping) {
      int webhook = webhooks.incrementAndGet();
      List<String> fingerprints = List.of(prefix + webhook + "-a", prefix + webhook + "-b");
      sent.addAll(fingerprints);
      String body = body(fingerprints);
      while (true) {
        int next = node++ % nodes.size();
        if (post(nodes.get(next), ports.get(next), body)) {
          acknowledged.addAll(fingerprints);
          break;
        }
        pause(RETRY_PAUSE);
      }
      pause(PAUSE);
    }
  }

  private boolean post(Api target, int port, String body) {
    AtomicInteger inFlight = inFlightByPort.computeIfAbsent(port, key -> new AtomicInteger());
    inFlight.incrementAndGet();
    try {
      Api.Response answer = target.post(PATH, body);
      if (answer.status() == 202) {
        acceptedByPort.computeIfAbsent(port, key -> new AtomicInteger()).incrementAndGet();
        return true;
      }
      otherAnswers.add(answer.status() + " " + answer.body());
    } catch (IllegalStateException connectionProblem) {
      (connectionProblem.getCause() instanceof ConnectException ? refused : lostInFlight).incrementAndGet();
    } finally {
      inFlight.decrementAndGet();
    }
    return false;
  }

  /** Webhooks that node accepted so far. */
  public int acceptedBy(int port) {
    AtomicInteger accepted = acceptedByPort.get(port);
    return accepted == null ? 0 : accepted.get();
  }

  /** Webhooks sent to that node and not answered yet. */
  public int inFlightTo(int port) {
    AtomicInteger inFlight = inFlightByPort.get(port);
    return inFlight == null ? 0 : inFlight.get();
  }

  public int acceptedWebhooks() {
    return acknowledged.size() / 2;
  }

  /** Lets every sender finish its current webhook (until it is acknowledged) and stops them. */
  public void stop(Duration timeout) throws Exception {
    stopping = true;
    Instant deadline = Instant.now().plus(timeout);
    for (Future<?> sender : running) {
      sender.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
    }
    senders.shutdown();
  }

  public Set<String> sentFingerprints() {
    return Set.copyOf(sent);
  }

  public Set<String> acknowledgedFingerprints() {
    return Set.copyOf(acknowledged);
  }

  /** Answers other than 202 (status and body); connection failures are counted, not listed. */
  public List<String> otherAnswers() {
    return List.copyOf(otherAnswers);
  }

  public String figures() {
    return "%d webhooks (%d alerts) acknowledged, %d connections refused, %d lost in flight, %d other answers"
        .formatted(acceptedWebhooks(), acknowledged.size(), refused.get(), lostInFlight.get(), otherAnswers.size());
  }

  @Override
  public void close() {
    stopping = true;
    senders.shutdownNow();
  }

  private static String body(List<String> fingerprints) {
    List<String> alerts = fingerprints.stream().map(fingerprint -> """
        {"status": "firing",
         "labels": {"alertname": "ClusterCrashTest", "service": "cluster-alerts", "severity": "warning", "id": "%s"},
         "annotations": {"summary": "Alert %s of the crash test"},
         "startsAt": "2026-11-20T08:14:00.000Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus.example:9090/graph", "fingerprint": "%s"}"""
        .formatted(fingerprint, fingerprint, fingerprint)).toList();
    return """
        {"version": "4", "groupKey": "{}:{alertname=\\"ClusterCrashTest\\"}", "truncatedAlerts": 0,
         "status": "firing", "receiver": "opsflow", "groupLabels": {"alertname": "ClusterCrashTest"},
         "commonLabels": {"alertname": "ClusterCrashTest"}, "commonAnnotations": {},
         "externalURL": "http://alertmanager.example:9093", "alerts": [%s]}""".formatted(String.join(",", alerts));
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sender interrupted", e);
    }
  }
}
