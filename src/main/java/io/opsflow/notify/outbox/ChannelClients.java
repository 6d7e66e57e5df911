package io.opsflow.notify.outbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.opsflow.notify.channels.ChannelClient;
import io.opsflow.notify.channels.ChannelKind;
import io.opsflow.notify.channels.ChannelTarget;
import io.opsflow.notify.channels.Delivery;
import io.opsflow.notify.channels.Message;

/**
 * The vendor clients by kind. When two clients claim one kind, the first in {@code @Order} wins, so
 * a test (or a site) can put a client of its own in front of the built-in one.
 */
@Component
public class ChannelClients {

  private final Map<ChannelKind, ChannelClient> byKind = new EnumMap<>(ChannelKind.class);

  ChannelClients(ObjectProvider<ChannelClient> clients) {
    clients.orderedStream().forEach(client -> byKind.putIfAbsent(client.kind(), client));
  }

  public Optional<ChannelClient> of(ChannelKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /**
   * One attempt through a client. Clients answer refusals with a {@link Delivery}; anything they
   * throw (a bug, a network error they did not expect) counts as a failure worth retrying.
   */
  static Delivery attempt(ChannelClient client, ChannelTarget target, Message message) {
    try {
      return client.send(target, message);
    } catch (RuntimeException e) {
      return Delivery.failed(0, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
    }
  }

  /** The codes of the kinds this installation can deliver to, for error messages. */
  public List<String> kinds() {
    return byKind.keySet().stream().map(ChannelKind::code).toList();
  }
}
