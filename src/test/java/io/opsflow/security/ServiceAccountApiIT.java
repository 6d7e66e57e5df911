package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

class ServiceAccountApiIT extends IntegrationTest {

  @Test
  void administratorCreatesAnAccountAndATokenThatIsShownOnceAndStoredHashed() {
    Response created = as("admin").post("/api/service-accounts",
        "{\"id\":\"gitlab-runner\",\"group\":\"ci\",\"description\":\"GitLab runner\"}");
    Response issued = as("admin").post("/api/service-accounts/gitlab-runner/tokens", "{\"label\":\"main pipeline\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    String token = issued.json().path("token").asText();
    assertThat(token).startsWith("ofs_").hasSizeGreaterThan(40);

    Response listed = as("admin").get("/api/service-accounts/gitlab-runner");
    assertThat(listed.body()).doesNotContain(token).doesNotContain("tokenHash");
    assertThat(listed.json().path("tokens").get(0).path("label").asText()).isEqualTo("main pipeline");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM service_account_token WHERE token_hash = '"
        + ServiceAccounts.hash(token) + "'")).isOne();

    // authenticated (403 = known but not allowed here), not 401
    assertThat(api().bearer(token).get("/api/services").status()).isEqualTo(403);
    assertThat(api().bearer(token).get("/engine-rest/engine").status()).isEqualTo(403);
  }

  @Test
  void revokedTokenNoLongerAuthenticates() {
    as("admin").post("/api/service-accounts", "{\"id\":\"grafana\",\"group\":\"monitoring\"}");
    JsonNode issued = as("admin").post("/api/service-accounts/grafana/tokens", "{}").json();
    String token = issued.path("token").asText();
    assertThat(api().bearer(token).get("/api/services").status()).isEqualTo(403);

    Response revoked = as("admin").delete("/api/service-accounts/grafana/tokens/" + issued.path("tokenId").asText());

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(api().bearer(token).get("/api/services").status()).isEqualTo(401);
    assertThat(api().basic("grafana", token).get("/api/services").status()).isEqualTo(401);
    assertThat(as("admin").get("/api/service-accounts/grafana").json().path("tokens").get(0).path("revokedAt").isMissingNode()).isFalse();
  }

  @Test
  void serviceAccountHasNoPasswordAndATokenWorksOnlyForItsOwnAccount() {
    assertThat(api().basic("ci-bot", "demo").get("/api/services").status()).isEqualTo(401);
    assertThat(api().basic("alertmanager", "demo-ci-token").get("/api/services").status()).isEqualTo(401);
    assertThat(api().bearer("no-such-token").get("/api/services").status()).isEqualTo(401);
  }

  @Test
  void invalidAccountsAreRefused() {
    Response badGroup = as("admin").post("/api/service-accounts", "{\"id\":\"sneaky\",\"group\":\"manager\"}");
    Response badId = as("admin").post("/api/service-accounts", "{\"id\":\"Bad Id\",\"group\":\"ci\"}");
    Response taken = as("admin").post("/api/service-accounts", "{\"id\":\"olivia\",\"group\":\"ci\"}");
    Response unknown = as("admin").post("/api/service-accounts/olivia/tokens", "{}");

    assertThat(badGroup.status()).isEqualTo(400);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(unknown.status()).as("a person is not a service account").isEqualTo(404);
    assertThat(processEngine.getIdentityService().createUserQuery().userId("sneaky").count()).isZero();
  }

  @Test
  void deletedAccountLosesItsTokens() {
    as("admin").post("/api/service-accounts", "{\"id\":\"old-jenkins\",\"group\":\"ci\"}");
    String token = as("admin").post("/api/service-accounts/old-jenkins/tokens", "{}").json().path("token").asText();

    Response deleted = as("admin").delete("/api/service-accounts/old-jenkins");

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api().bearer(token).get("/api/services").status()).isEqualTo(401);
  }

  @Test
  void aTokensLastUseIsRecordedAtMostOnceAMinute() {
    as("admin").post("/api/service-accounts", "{\"id\":\"poll-bot\",\"group\":\"ci\"}");
    String token = as("admin").post("/api/service-accounts/poll-bot/tokens", "{\"label\":\"gate poll\"}").json()
        .path("token").asText();
    String lastUse = "SELECT last_used_at FROM service_account_token WHERE token_hash = '" + ServiceAccounts.hash(token) + "'";

    api().bearer(token).get("/api/services");
    String first = TestDatabase.rows(DATABASE, lastUse).get(0).get(0);
    api().bearer(token).get("/api/services");
    String withinTheMinute = TestDatabase.rows(DATABASE, lastUse).get(0).get(0);
    TestDatabase.execute(DATABASE, "UPDATE service_account_token SET last_used_at = TIMESTAMP '2020-01-01 00:00:00'"
        + " WHERE token_hash = '" + ServiceAccounts.hash(token) + "'");
    api().bearer(token).get("/api/services");
    String aMinuteLater = TestDatabase.rows(DATABASE, lastUse).get(0).get(0);

    assertThat(first).isNotNull();
    assertThat(withinTheMinute).isEqualTo(first);
    assertThat(aMinuteLater).isNotNull().doesNotStartWith("2020");
  }
}
