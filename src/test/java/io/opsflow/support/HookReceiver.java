package io.opsflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a deploy hook (Jenkins, a GitHub relay): records every call
 * and answers with the statuses it was told to, 200 otherwise.
 */
public final class HookReceiver {

  public record Call(String path, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private static HookReceiver shared;

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();

  private HookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      calls.add(new Call(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 200 : status, -1);
      exchange.close();
    });
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

  public List<Call> callsTo(String path) {
    return calls.stream().filter(call -> call.path().equals(path)).toList();
  }
}
