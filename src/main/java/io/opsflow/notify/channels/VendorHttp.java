package io.opsflow.notify.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Texts;

/**
 * What every chat vendor client shares: one HTTP client (5 s to connect, 10 s per call, no
 * redirects, as a vendor that redirects a robot's POST is misconfigured), the clock its signature
 * timestamps come from, and the rule that nothing a vendor does makes {@code send} throw.
 */
@Component
class VendorHttp {

  /** The most of a vendor's answer kept in {@link Delivery#answer()}. */
  static final int ANSWER_MAX = 2_000;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Clock clock;
  private final Duration requestTimeout;

  @Autowired
  VendorHttp() {
    this(Clock.systemUTC(), Duration.ofSeconds(10));
  }

  VendorHttp(Clock clock, Duration requestTimeout) {
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  Clock clock() {
    return clock;
  }

  /**
   * POSTs the JSON body and lets {@code judge} read the answer (status, body). A call that got no
   * answer (refused, reset, timed out) is a retryable failure with status 0; a URL that cannot be
   * called at all is a failure that retrying does not mend.
   */
  Delivery postJson(String url, String body, Map<String, String> headers, BiFunction<Integer, String, Delivery> judge) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .timeout(requestTimeout)
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return judge.apply(response.statusCode(), response.body() == null ? "" : response.body());
    } catch (HttpTimeoutException e) {
      return Delivery.failed(0, cut("no answer within the time-out: " + e.getMessage()), true);
    } catch (IOException e) {
      return Delivery.failed(0, cut("no answer: " + e), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.failed(0, "interrupted while waiting for the answer", true);
    } catch (RuntimeException e) {
      return Delivery.failed(0, cut("could not call " + url + ": " + e.getMessage()), false);
    }
  }

  /** What HTTP status alone says: 2xx taken; 408, 429 and 5xx worth another try; other 4xx not. */
  static Delivery byStatus(int status, String answer) {
    if (status / 100 == 2) {
      return Delivery.delivered(status, cut(answer));
    }
    return Delivery.failed(status, cut(answer), isRetryableStatus(status));
  }

  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status / 100 == 5;
  }

  static String cut(String answer) {
    return answer == null ? "" : Texts.clip(answer, ANSWER_MAX);
  }
}
