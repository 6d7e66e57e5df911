package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.support.IntegrationTest;

/** What the outbox finds in the application: one client per kind, wired as configured. */
class ChannelClientsIT extends IntegrationTest {

  @Autowired
  List<ChannelClient> clients;

  @Test
  void everyKindHasExactlyOneClient() {
    // the tests' scripted clients (support.ScriptedChannels) stand in front of the real ones
    List<ChannelClient> real = clients.stream()
        .filter(client -> client.getClass().getPackage() == ChannelClient.class.getPackage()).toList();
    assertThat(real).extracting(ChannelClient::kind).containsExactlyInAnyOrder(ChannelKind.values());
  }

  @Test
  void withoutSpringMailHostEmailChannelsAreRefused() {
    ChannelClient email = clients.stream().filter(client -> client.kind() == ChannelKind.EMAIL).findFirst().orElseThrow();

    assertThatThrownBy(() -> email.check(new ChannelTarget(ChannelKind.EMAIL, "ops@example.com", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spring.mail.host");
  }
}
