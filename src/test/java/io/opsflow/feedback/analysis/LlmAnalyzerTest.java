package io.opsflow.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;

/** The LLM analyser against a local stub of an OpenAI-compatible server that answers what each test sets. */
class LlmAnalyzerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Built-in: neutral, no sentiment word. The stub's good answer says otherwise, so the test can tell who answered. */
  private static final String TEXT = "I updated the app and paid with my card";

  private static SentimentAnalyzer builtIn;

  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int status;
  private volatile String content;
  private volatile long delayMillis;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MovableClock clock = new MovableClock();

  @BeforeAll
  static void load() {
    builtIn = SentimentAnalyzer.load();
  }

  @BeforeEach
  void startStub() throws IOException {
    status = 200;
    content = "{\"sentiment\":\"negative\",\"score\":-0.8,\"topics\":[\"Payment\",\"card\",\"the\",\"terrible\"]}";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", exchange -> {
      calls.incrementAndGet();
      requests.add(JSON.readTree(exchange.getRequestBody()));
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = (status == 200 ? JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
          JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant")
              .put("content", content)))).toString() : "{\"error\":\"overloaded\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      try {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
      } catch (IOException clientGaveUp) {
        // the analyser stopped waiting: what the slow test wants
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  private LlmAnalyzer analyzer(String apiKey, Duration timeout) {
    return new LlmAnalyzer(new LlmSettings(true, "http://127.0.0.1:" + server.getAddress().getPort() + "/", "qwen2.5",
        apiKey, timeout), builtIn, meters, JSON, clock);
  }

  private LlmAnalyzer analyzer() {
    return analyzer("sk-test", Duration.ofSeconds(2));
  }

  private double fallbacks(String reason) {
    var counter = meters.find("opsflow.feedback.llm.fallbacks").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aGoodAnswerIsUsedWithItsTopicsCleanedUp() {
    assertThat(builtIn.analyze(TEXT).sentiment()).isEqualTo(Sentiment.NEUTRAL);

    TextAnalysis analysis = analyzer().analyze(TEXT);

    assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analysis.score()).isEqualTo(-0.8);
    assertThat(analysis.language()).isEqualTo(Language.EN);
    assertThat(analysis.terms()).containsExactly("payment", "card"); // a stop word and a sentiment word left out
    assertThat(meters.find("opsflow.feedback.llm.fallbacks").counters()).isEmpty();
  }

  @Test
  void theRequestIsAChatCompletionForTheModelWithTheTextAndTheKey() {
    analyzer().analyze("支付失败 [phone]");

    JsonNode request = requests.get(0);
    assertThat(request.path("model").asText()).isEqualTo("qwen2.5");
    assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(request.path("messages").path(0).path("role").asText()).isEqualTo("system");
    assertThat(request.path("messages").path(1).path("content").asText()).isEqualTo("支付失败 [phone]");
    assertThat(authorizations).containsExactly("Bearer sk-test");

    analyzer(" ", Duration.ofSeconds(2)).analyze(TEXT);
    assertThat(authorizations.get(1)).isEqualTo("null");
  }

  @Test
  void aSlowAnswerGivesTheBuiltInResultWithinTheTimeLimit() {
    delayMillis = 3_000;
    long start = System.nanoTime();

    TextAnalysis analysis = analyzer("sk-test", Duration.ofMillis(300)).analyze(TEXT);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    assertThat(analysis).isEqualTo(builtIn.analyze(TEXT));
    assertThat(fallbacks("timeout")).isEqualTo(1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "The user seems unhappy.",
      "{\"sentiment\":\"angry\",\"score\":-0.8,\"topics\":[]}",
      "{\"sentiment\":\"negative\",\"score\":\"-0.8\"}",
      "{\"sentiment\":\"negative\",\"score\":-3}",
      "{\"sentiment\":\"positive\",\"score\":-0.6,\"topics\":[]}",
      "{\"sentiment\":\"negative\",",
      ""})
  void garbageGivesTheBuiltInResult(String answer) {
    content = answer;

    assertThat(analyzer().analyze(TEXT)).isEqualTo(builtIn.analyze(TEXT));
    assertThat(fallbacks("malformed")).isEqualTo(1);
  }

  @Test
  void aServerErrorGivesTheBuiltInResult() {
    status = 500;

    assertThat(analyzer().analyze(TEXT)).isEqualTo(builtIn.analyze(TEXT));
    assertThat(fallbacks("http-5xx")).isEqualTo(1);
  }

  @Test
  void anUnreachableServerGivesTheBuiltInResult() {
    LlmAnalyzer analyzer = analyzer();
    server.stop(0);

    assertThat(analyzer.analyze(TEXT)).isEqualTo(builtIn.analyze(TEXT));
    assertThat(fallbacks("unreachable")).isEqualTo(1);
  }

  @Test
  void afterAFailureTheModelRestsSoABatchDoesNotWaitOnItItemByItem() {
    LlmAnalyzer analyzer = analyzer();
    status = 503;
    analyzer.analyze(TEXT);
    status = 200;

    assertThat(analyzer.analyze(TEXT).sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(fallbacks("resting")).isEqualTo(1);

    clock.move(LlmAnalyzer.REST);
    assertThat(analyzer.analyze(TEXT).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aFencedAnswerIsReadAndAScoreIsMovedIntoItsLabelsBand() {
    content = "```json\n{\"sentiment\":\"positive\",\"score\":0.01,\"topics\":[\"客服\"]}\n```";

    TextAnalysis analysis = analyzer().analyze("客服回复很快");

    assertThat(analysis.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analysis.score()).isEqualTo(Sentiment.NEUTRAL_BAND);
    assertThat(analysis.terms()).containsExactly("客服");
  }

  @Test
  void enabledWithoutAServerOrModelIsRefusedAtStart() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new LlmSettings(true, "", "qwen", null, null)).withMessageContaining("base-url");
    assertThat(new LlmSettings(false, null, null, null, null).timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
