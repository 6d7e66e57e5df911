package io.opsflow.notify.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for a chat vendor: records each call (path, query, headers, body) and answers
 * what the test told it to, in order, else the vendor's usual "ok". Each test gets its own.
 */
final class VendorServer implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-03-01T02:03:04.567Z");
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  record Call(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }

    /** The query parameters, URL-decoded as the vendor's server decodes them. */
    Map<String, String> query() {
      Map<String, String> parameters = new LinkedHashMap<>();
      for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
      return parameters;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Answer(int status, String body, Duration delay) {
  }

  private final HttpServer server;
  private final String usualAnswer;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();

  VendorServer(String usualAnswer) {
    this.usualAnswer = usualAnswer;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
      Answer answer = answers.poll();
      if (answer == null) {
        answer = new Answer(200, usualAnswer, Duration.ZERO);
      }
      try {
        Thread.sleep(answer.delay().toMillis());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
            answer.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
      } catch (IOException | InterruptedException callerGone) {
        // the client timed out
      }
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  static VendorHttp http() {
    return new VendorHttp(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10));
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  void answerNext(int status, String body) {
    answers.add(new Answer(status, body, Duration.ZERO));
  }

  void answerNextAfter(Duration delay, int status, String body) {
    answers.add(new Answer(status, body, delay));
  }

  Call onlyCall() {
    if (calls.size() != 1) {
      throw new AssertionError("expected one call, got " + calls.size());
    }
    return calls.get(0);
  }

  List<Call> calls() {
    return calls;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
