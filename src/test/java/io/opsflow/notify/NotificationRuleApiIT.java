package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.ScriptedChannels;
import io.opsflow.support.TestDatabase;

class NotificationRuleApiIT extends IntegrationTest {

  private long channel;

  @BeforeEach
  void channel() {
    channel = as("mia").post("/api/notification-channels", "{\"name\":\"rules\",\"kind\":\"webhook\",\"target\":\""
        + ScriptedChannels.target("rules", "t") + "\"}").json().path("id").asLong();
  }

  @Test
  void managerCreatesChangesAndDeletesARule() {
    Response created = as("mia").post("/api/notification-rules", "{\"event\":\"incident.opened\",\"service\":"
        + "\"payments-api\",\"group\":\"ops\",\"minPriority\":\"P2\",\"channels\":[" + channel + "," + channel + "]}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("channels").toString()).isEqualTo("[" + channel + "]");
    assertThat(created.json().path("minPriority").asText()).isEqualTo("P2");

    Response updated = as("admin").put("/api/notification-rules/" + id, "{\"event\":\"incident.closed\",\"channels\":["
        + channel + "]}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().has("service")).as("no service: any service").isFalse();
    assertThat(as("mia").get("/api/notification-rules/" + id).json().path("event").asText()).isEqualTo("incident.closed");

    assertThat(as("mia").delete("/api/notification-rules/" + id).status()).isEqualTo(204);
    assertThat(as("mia").get("/api/notification-rules/" + id).status()).isEqualTo(404);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_rule_channel WHERE rule_id = " + id))
        .isZero();
  }

  @Test
  void opsCannotChangeRules() {
    assertThat(as("olivia").post("/api/notification-rules", "{\"event\":\"incident.opened\",\"channels\":[" + channel
        + "]}").status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown event    | {"event":"incident.exploded","channels":[CHANNEL]}                         | event must be one of: incident.opened
      test event       | {"event":"test","channels":[CHANNEL]}                                      | event must be one of
      unknown service  | {"event":"incident.opened","service":"ghost","channels":[CHANNEL]}         | service 'ghost' is not in the catalog
      unknown group    | {"event":"incident.opened","group":"night-shift","channels":[CHANNEL]}     | group 'night-shift' is not a group
      bad priority     | {"event":"incident.opened","minPriority":"P5","channels":[CHANNEL]}        | minPriority must be P1, P2, P3 or P4
      unknown channel  | {"event":"incident.opened","channels":[CHANNEL, 987654321]}                | 987654321
      no channels      | {"event":"incident.opened","channels":[]}                                  | channels must not be empty
      channel as text  | {"event":"incident.opened","channels":["one"]}                             | channels
      """)
  void badInputIsRefusedWithAProblemAndWritesNothing(String name, String body, String message) {
    long rules = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_rule");
    long links = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_rule_channel");

    Response refused = as("mia").post("/api/notification-rules", body.replace("CHANNEL", Long.toString(channel)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).contains(message);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_rule")).isEqualTo(rules);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_rule_channel")).isEqualTo(links);
  }
}
