package io.opsflow.feedback.analysis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.feedback.Sentiment;

/**
 * Sentiment and topics from a language model behind an OpenAI-compatible endpoint
 * ({@code POST {base-url}/v1/chat/completions}), asked for one strict JSON object. The language is
 * still told by script ({@link LanguageDetector}): it costs nothing and a model adds nothing to it.
 * <p>
 * Intake must never wait on, or fail because of, a model: whatever goes wrong (no answer within
 * the time limit, an HTTP error, an answer that is not the JSON asked for, a label its own score
 * contradicts) gives the built-in analyser's result instead, logged and counted in
 * {@code opsflow.feedback.llm.fallbacks} by reason. After a failure the model is left alone for
 * {@link #REST}: a batch of 1,000 items sent while the server is down would otherwise wait the time
 * limit 1,000 times inside one transaction.
 * <p>
 * Only the masked text is sent ({@link PrivacyMask} runs before any analyser).
 */
public final class LlmAnalyzer implements TextAnalyzer {

  /** How long the model is not asked after a failure. */
  static final Duration REST = Duration.ofSeconds(30);
  /** The most characters of a text sent: the rest adds cost and little sentiment. */
  static final int MAX_SENT = 4_000;

  static final String PROMPT = """
      You label user feedback about an IT service (Chinese, English or both). Answer with one JSON \
      object and nothing else: {"sentiment": "positive" | "neutral" | "negative", "score": a number \
      from -1 (very negative) to 1 (very positive), "topics": up to 5 short nouns or noun phrases, in \
      the text's own language, naming what the user talks about (e.g. "payment", "login", "退款", \
      "客服"), without sentiment words}. A complaint, even a polite one, is negative.""";

  private static final Logger log = LoggerFactory.getLogger(LlmAnalyzer.class);

  private final LlmSettings settings;
  private final SentimentAnalyzer builtIn;
  private final MeterRegistry meters;
  private final Clock clock;
  private final ObjectMapper json;
  private final HttpClient client;
  private final URI endpoint;
  private final AtomicReference<Instant> restUntil = new AtomicReference<>(Instant.MIN);

  public LlmAnalyzer(LlmSettings settings, SentimentAnalyzer builtIn, MeterRegistry meters, ObjectMapper json) {
    this(settings, builtIn, meters, json, Clock.systemUTC());
  }

  LlmAnalyzer(LlmSettings settings, SentimentAnalyzer builtIn, MeterRegistry meters, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.builtIn = builtIn;
    this.meters = meters;
    this.clock = clock;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/v1/chat/completions");
  }

  @Override
  public TextAnalysis analyze(String text) {
    if (clock.instant().isBefore(restUntil.get())) {
      return fallback(text, "resting");
    }
    String body;
    try {
      body = call(text);
    } catch (TimeoutException e) {
      return failed(text, "timeout", "no answer within " + settings.timeout());
    } catch (ExecutionException e) {
      return failed(text, "unreachable", String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback(text, "interrupted");
    } catch (HttpStatusException e) {
      return failed(text, "http-" + e.status / 100 + "xx", "HTTP " + e.status);
    }
    TextAnalysis answer = read(text, body);
    return answer != null ? answer : failed(text, "malformed", "an answer that is not the JSON asked for");
  }

  private String call(String text) throws TimeoutException, ExecutionException, InterruptedException {
    ObjectNode request = json.createObjectNode().put("model", settings.model()).put("temperature", 0);
    request.putObject("response_format").put("type", "json_object");
    request.putArray("messages")
        .add(json.createObjectNode().put("role", "system").put("content", PROMPT))
        .add(json.createObjectNode().put("role", "user").put("content", cut(text)));
    HttpRequest.Builder http = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      http.header("Authorization", "Bearer " + settings.apiKey());
    }
    // the request timeout only bounds the wait for the headers; this bounds the whole answer
    CompletableFuture<HttpResponse<String>> pending = client.sendAsync(http.build(),
        HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (response.statusCode() != 200) {
        throw new HttpStatusException(response.statusCode());
      }
      return response.body();
    } catch (TimeoutException | InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
        throw new TimeoutException(e.getCause().getMessage());
      }
      throw e;
    }
  }

  /** The analysis in the answer, or null when it is not the object asked for. */
  private TextAnalysis read(String text, String body) {
    try {
      JsonNode content = json.readTree(body).path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        return null;
      }
      JsonNode answer = json.readTree(withoutFence(content.asText()));
      Sentiment sentiment = switch (answer.path("sentiment").asText("").toLowerCase(Locale.ROOT)) {
        case "positive" -> Sentiment.POSITIVE;
        case "neutral" -> Sentiment.NEUTRAL;
        case "negative" -> Sentiment.NEGATIVE;
        default -> null;
      };
      JsonNode scoreNode = answer.path("score");
      if (sentiment == null || !scoreNode.isNumber() || Math.abs(scoreNode.asDouble()) > 1) {
        return null;
      }
      Double score = inBand(sentiment, scoreNode.asDouble());
      if (score == null) {
        return null;
      }
      return new TextAnalysis(LanguageDetector.detect(text), sentiment, score, topics(answer.path("topics")));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return null;
    }
  }

  /**
   * The score moved into its label's band, as stored labels and scores must agree (a "positive" of
   * 0.02 becomes 0.05); null when they contradict each other (a "positive" below zero).
   */
  private static Double inBand(Sentiment sentiment, double score) {
    double band = Sentiment.NEUTRAL_BAND;
    double inBand = switch (sentiment) {
      case POSITIVE -> score < 0 ? Double.NaN : Math.max(score, band);
      case NEGATIVE -> score > 0 ? Double.NaN : Math.min(score, -band);
      case NEUTRAL -> Math.abs(score) > 0.5 ? Double.NaN : Math.max(-0.049, Math.min(0.049, score));
    };
    return Double.isNaN(inBand) ? null : Math.round(inBand * 1000) / 1000.0;
  }

  /** At most ten topics the built-in analyser would also keep: no stop or sentiment words, at most 40 characters. */
  private List<String> topics(JsonNode topics) {
    Set<String> kept = new LinkedHashSet<>();
    if (topics.isArray()) {
      for (JsonNode topic : topics) {
        String term = topic.asText("").strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "");
        if (!term.isEmpty() && builtIn.isTopic(term) && kept.size() < SentimentAnalyzer.MAX_TERMS) {
          kept.add(term);
        }
      }
    }
    return new ArrayList<>(kept);
  }

  /** Small models wrap JSON in a Markdown fence even when told not to; what is inside is still the answer. */
  private static String withoutFence(String content) {
    String trimmed = content.strip();
    if (trimmed.startsWith("```")) {
      int start = trimmed.indexOf('\n');
      int end = trimmed.lastIndexOf("```");
      return start > 0 && end > start ? trimmed.substring(start + 1, end) : trimmed;
    }
    return trimmed;
  }

  private static String cut(String text) {
    if (text.length() <= MAX_SENT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_SENT - 1)) ? MAX_SENT - 1 : MAX_SENT;
    return text.substring(0, end);
  }

  private TextAnalysis failed(String text, String reason, String detail) {
    Instant until = clock.instant().plus(REST);
    restUntil.set(until);
    log.warn("LLM analyser at {} failed ({}); the built-in analyser answers until {}", endpoint, detail, until);
    return fallback(text, reason);
  }

  private TextAnalysis fallback(String text, String reason) {
    meters.counter("opsflow.feedback.llm.fallbacks", "reason", reason).increment();
    return builtIn.analyze(text);
  }

  private static final class HttpStatusException extends RuntimeException {
    private final int status;

    HttpStatusException(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }
}
