package io.opsflow.notify.outbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.opsflow.notify.channels.ChannelKind;

/**
 * How notifications are delivered ({@code opsflow.notify.delivery.*}). Defaults suit the chat
 * vendors: DingTalk and WeCom robots take 20 messages a minute.
 *
 * @param enabled whether this node delivers (every node may; claims are guarded)
 * @param maxAttempts attempts before a notification is {@code failed}
 * @param backoff the wait after the 1st, 2nd, ... failed attempt; the last one repeats
 * @param lease how long a node owns a notification it sends; after that another node sends it again
 * @param batch notifications one run claims per channel
 * @param perMinute messages a minute per channel, by kind, added to the defaults (dingtalk and wecom:
 *     20); 0 or a kind not named means no limit
 */
@ConfigurationProperties("opsflow.notify.delivery")
public record NotifyProperties(Boolean enabled, Integer maxAttempts, List<Duration> backoff, Duration lease,
    Integer batch, Map<ChannelKind, Integer> perMinute) {

  public NotifyProperties {
    enabled = enabled == null || enabled;
    maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    backoff = backoff == null || backoff.isEmpty() ? List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30)) : List.copyOf(backoff);
    lease = lease == null ? Duration.ofMinutes(2) : lease;
    batch = batch == null ? 100 : batch;
    Map<ChannelKind, Integer> limits = new EnumMap<>(Map.of(ChannelKind.DINGTALK, 20, ChannelKind.WECOM, 20));
    if (perMinute != null) {
      limits.putAll(perMinute);
    }
    perMinute = Map.copyOf(limits);
  }

  /** The wait before the next attempt after {@code failedAttempts} failures (1 = the first). */
  Duration backoffAfter(int failedAttempts) {
    return backoff.get(Math.min(Math.max(failedAttempts, 1), backoff.size()) - 1);
  }

  /** Messages a minute a channel of this kind may send, or null for no limit. */
  Integer limitOf(ChannelKind kind) {
    Integer limit = perMinute.get(kind);
    return limit == null || limit <= 0 ? null : limit;
  }
}
