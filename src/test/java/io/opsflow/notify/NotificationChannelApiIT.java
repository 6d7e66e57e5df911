package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opsflow.notify.channels.Delivery;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.ScriptedChannels;
import io.opsflow.support.TestDatabase;

class NotificationChannelApiIT extends IntegrationTest {

  private static final String SECRET = "SEC0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  private static String body(String name, String target, String secret) {
    return "{\"name\":\"" + name + "\",\"kind\":\"dingtalk\",\"target\":\"" + target + "\""
        + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + ",\"language\":\"zh-CN\"}";
  }

  @Test
  void managerCreatesAChannelWhoseSecretAndTokenNeverLeaveTheServer() {
    String token = "tok" + Fixtures.uniqueSuffix().substring(1) + "9z";
    Response created = as("mia").post("/api/notification-channels",
        body("值班群 🚨 payments", ScriptedChannels.target("created", token), SECRET));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/notification-channels/" + id);
    assertThat(created.json().path("target").asText()).isEqualTo("https://" + ScriptedChannels.HOST
        + "/created?access_token=***");
    assertThat(created.json().path("hasSecret").asBoolean()).isTrue();
    assertThat(created.json().path("name").asText()).isEqualTo("值班群 🚨 payments");
    for (Response read : List.of(created, as("admin").get("/api/notification-channels/" + id),
        as("mia").get("/api/notification-channels"))) {
      assertThat(read.status()).isEqualTo(200 + (read == created ? 1 : 0));
      assertThat(read.body()).doesNotContain(SECRET).doesNotContain(token).doesNotContain("\"secret\"");
    }
    List<String> row = TestDatabase.rows(DATABASE, "SELECT name, target_sealed, secret_sealed FROM notification_channel"
        + " WHERE channel_id = " + id).get(0);
    assertThat(row.get(0)).as("Chinese and emoji stored whole").isEqualTo("值班群 🚨 payments");
    assertThat(row.get(1)).startsWith("v1:").doesNotContain(token).doesNotContain(ScriptedChannels.HOST);
    assertThat(row.get(2)).startsWith("v1:").doesNotContain(SECRET);
    assertThat(TestDatabase.rows(DATABASE, "SELECT CONCAT(COALESCE(before_state, ''), COALESCE(after_state, ''))"
        + " FROM audit_entry WHERE subject = 'notification-channel-" + id + "'")).singleElement()
        .satisfies(audit -> assertThat(audit.get(0)).contains("access_token=***").doesNotContain(token)
            .doesNotContain(SECRET));
  }

  @Test
  void putWithoutSecretKeepsItAndTheTestMessageUsesIt() {
    long id = as("mia").post("/api/notification-channels", body("keep", ScriptedChannels.target("kept", "t1"), SECRET))
        .json().path("id").asLong();

    Response updated = as("admin").put("/api/notification-channels/" + id, body("kept-renamed",
        ScriptedChannels.target("kept", "t2"), null));
    ScriptedChannels.answer("kept", Delivery.delivered(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    Response test = as("mia").post("/api/notification-channels/" + id + "/test", "");

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("hasSecret").asBoolean()).isTrue();
    assertThat(test.status()).as(test.toString()).isEqualTo(200);
    assertThat(test.json().path("delivered").asBoolean()).isTrue();
    assertThat(test.json().path("status").asInt()).isEqualTo(200);
    assertThat(test.json().path("answer").asText()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
    ScriptedChannels.Sent sent = ScriptedChannels.sent("kept").get(0);
    assertThat(sent.target().secret()).isEqualTo(SECRET);
    assertThat(sent.target().target()).endsWith("access_token=t2");
    assertThat(sent.message().title()).isEqualTo("OpsFlow 测试消息");
    assertThat(sent.message().text()).contains("kept-renamed");
  }

  @Test
  void theTestReportsWhatTheVendorRefused() {
    long id = as("mia").post("/api/notification-channels", body("refused", ScriptedChannels.target("refused", "t"),
        SECRET)).json().path("id").asLong();
    ScriptedChannels.answer("refused", Delivery.failed(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}", false));

    Response test = as("mia").post("/api/notification-channels/" + id + "/test", "");

    assertThat(test.json().path("delivered").asBoolean()).isFalse();
    assertThat(test.json().path("answer").asText()).contains("sign not match");
  }

  @Test
  void aChannelThatRulesUseIsNotDeleted() {
    long used = as("mia").post("/api/notification-channels", body("used", ScriptedChannels.target("used", "t"), SECRET))
        .json().path("id").asLong();
    long unused = as("mia").post("/api/notification-channels", body("unused", ScriptedChannels.target("unused", "t"),
        SECRET)).json().path("id").asLong();
    as("mia").post("/api/notification-rules", "{\"event\":\"drill.due\",\"channels\":[" + used + "]}");

    Response refused = as("mia").delete("/api/notification-channels/" + used);
    Response deleted = as("mia").delete("/api/notification-channels/" + unused);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.body()).contains("notification rule");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(as("mia").get("/api/notification-channels/" + unused).status()).isEqualTo(404);
  }

  @Test
  void onlyManagersAndAdministratorsSeeChannels() {
    assertThat(as("olivia").get("/api/notification-channels").status()).isEqualTo(403);
    assertThat(as("devon").post("/api/notification-channels", body("x", ScriptedChannels.target("x", "t"), SECRET))
        .status()).isEqualTo(403);
    assertThat(api().get("/api/notification-channels").status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown kind     | {"name":"x","kind":"pager","target":"https://scripted.invalid/x"}                             | kind must be one of:
      bad URL          | {"name":"x","kind":"webhook","target":"http://scripted.invalid/x"}                            | must be an https:// URL
      not a URL        | {"name":"x","kind":"webhook","target":"ht tp://nope"}                                         | not a URL
      missing secret   | {"name":"x","kind":"dingtalk","target":"https://scripted.invalid/x"}                          | a secret is required
      missing name     | {"kind":"webhook","target":"https://scripted.invalid/x"}                                      | name must not be blank
      missing target   | {"name":"x","kind":"webhook"}                                                                 | target must not be blank
      bad language     | {"name":"x","kind":"webhook","target":"https://scripted.invalid/x","language":"fr"}           | language must be zh-CN or en
      unknown field    | {"name":"x","kind":"webhook","target":"https://scripted.invalid/x","token":"t"}               | Unknown field 'token'
      """)
  void badInputIsRefusedWithAProblemAndWritesNothing(String name, String body, String message) {
    long before = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_channel");

    Response refused = as("mia").post("/api/notification-channels", body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).contains(message);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification_channel")).isEqualTo(before);
  }
}
