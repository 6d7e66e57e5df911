package io.opsflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a deploy hook (Jenkins, a GitHub relay): records every call
 * and answers with the statuses it was told to, 200 otherwise. It can also hang on a call, as a
 * stuck receiver does, so the caller's job is still running when a test kills the caller.
 */
public final class HookReceiver {

  public record Call(String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

    public String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private static HookReceiver shared;

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private final Map<String, CountDownLatch> hangs = new ConcurrentHashMap<>();

  private HookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
      CountDownLatch hang = hangs.remove(path);
      if (hang != null) {
        awaitRelease(hang);
      }
      Integer status = statuses.poll();
      try {
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
      } catch (IOException callerGone) {
        // a hung call's caller has given up or died
      }
      exchange.close();
    });
    // one thread per call, so a hanging call does not hold up the others
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public static synchronized HookReceiver shared() {
    if (shared == null) {
      shared = new HookReceiver();
    }
    return shared;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next calls get these statuses, in order. */
  public void answerNext(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** The next call to this path gets no answer until the returned latch is counted down. */
  public CountDownLatch hangOnNextCallTo(String path) {
    CountDownLatch release = new CountDownLatch(1);
    hangs.put(path, release);
    return release;
  }

  public List<Call> callsTo(String path) {
    return calls.stream().filter(call -> call.path().equals(path)).toList();
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
