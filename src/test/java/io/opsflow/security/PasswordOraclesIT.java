package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * Nobody can test someone else's password: Camunda's identity/verify is off on both REST surfaces
 * and the webapps' own login endpoint is closed (people sign in at /login, through the throttle).
 */
class PasswordOraclesIT extends IntegrationTest {

  private static final String VERIFY = "{\"username\":\"admin\",\"password\":\"demo\"}";

  @Test
  void identityVerifyIsOffOnEngineRestForEveryone() {
    Response byStaff = as("olivia").post("/engine-rest/identity/verify", VERIFY);
    Response byAdmin = as("admin").post("/engine-rest/identity/verify", VERIFY);
    Response namedEngine = as("olivia").post("/engine-rest/engine/default/identity/verify", VERIFY);

    assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(403);
    assertThat(byStaff.header("Content-Type")).startsWith("application/problem+json");
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
    assertThat(namedEngine.status()).as(namedEngine.toString()).isEqualTo(403);
  }

  @Test
  void identityVerifyIsOffInTheWebapps() {
    Api olivia = api().signIn("olivia", "demo");

    Response verify = olivia.post("/camunda/api/engine/engine/default/identity/verify", VERIFY);

    assertThat(verify.status()).as(verify.toString()).isEqualTo(403);
    assertThat(verify.body()).doesNotContain("authenticated");
  }

  @Test
  void theWebappsOwnLoginCannotTestPasswordsOrSwitchTheSignedInPerson() {
    Api olivia = api().signIn("olivia", "demo");

    Response login = olivia.form("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "admin", "password", "demo"));

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(olivia.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo("olivia");
  }
}
