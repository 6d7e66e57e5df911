package io.opsflow.support;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.opsflow.notify.channels.ChannelClient;
import io.opsflow.notify.channels.ChannelKind;
import io.opsflow.notify.channels.ChannelTarget;
import io.opsflow.notify.channels.Delivery;
import io.opsflow.notify.channels.Message;

/**
 * Channel clients for tests of the outbox, in front of the real ones: for targets on the host
 * {@value #HOST} they record what they are asked to send and answer as a test scripts it (by the
 * target's path); every other target goes to the real client of the kind. They do not speak any
 * vendor's protocol: the vendor clients have tests of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedChannels {

  public static final String HOST = "scripted.invalid";
  private static final Map<String, Deque<Delivery>> ANSWERS = new ConcurrentHashMap<>();
  private static final Map<String, List<Sent>> SENT = new ConcurrentHashMap<>();

  /** One message as the client got it, with the opened target and secret. */
  public record Sent(ChannelTarget target, Message message) {
  }

  /** A target URL for a test: {@code https://scripted.invalid/<path>?access_token=<token>}. */
  public static String target(String path, String token) {
    return "https://" + HOST + "/" + path + "?access_token=" + token;
  }

  /** The next answers for the target with this path, in order; the last one repeats. */
  public static void answer(String path, Delivery... answers) {
    ANSWERS.put(path, new ArrayDeque<>(List.of(answers)));
  }

  public static List<Sent> sent(String path) {
    return SENT.getOrDefault(path, List.of());
  }

  @Bean
  ChannelClient scriptedDingTalk(ObjectProvider<ChannelClient> all) {
    return new Client(ChannelKind.DINGTALK, true, all);
  }

  @Bean
  ChannelClient scriptedWebhook(ObjectProvider<ChannelClient> all) {
    return new Client(ChannelKind.WEBHOOK, false, all);
  }

  private static final class Client implements ChannelClient, Ordered {

    private final ChannelKind kind;
    private final boolean needsSecret;
    private final ObjectProvider<ChannelClient> all;

    Client(ChannelKind kind, boolean needsSecret, ObjectProvider<ChannelClient> all) {
      this.kind = kind;
      this.needsSecret = needsSecret;
      this.all = all;
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ChannelKind kind() {
      return kind;
    }

    @Override
    public void check(ChannelTarget target) {
      URI uri;
      try {
        uri = URI.create(target.target());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("target is not a URL: " + e.getMessage());
      }
      if (!HOST.equals(uri.getHost())) {
        real().check(target);
        return;
      }
      if (!"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("target must be an https:// URL");
      }
      if (needsSecret && !target.hasSecret()) {
        throw new IllegalArgumentException("a secret is required");
      }
    }

    @Override
    public Delivery send(ChannelTarget target, Message message) {
      URI uri = URI.create(target.target());
      if (!HOST.equals(uri.getHost())) {
        return real().send(target, message);
      }
      String path = uri.getPath().substring(1);
      SENT.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>()).add(new Sent(target, message));
      Deque<Delivery> answers = ANSWERS.get(path);
      if (answers == null || answers.isEmpty()) {
        return Delivery.delivered(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
      }
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    private ChannelClient real() {
      return all.orderedStream().filter(client -> client != this && client.kind() == kind).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no " + kind.code() + " client for real targets in tests"));
    }
  }
}
