package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/** camunda-admin never loses its last member, and only administrators reach Admin. */
class AdministratorIT extends IntegrationTest {

  @Test
  void lastAdministratorCannotBeRemovedDeletedOrHisGroupDropped() {
    var membership = as("admin").delete("/engine-rest/group/camunda-admin/members/admin");
    var user = as("admin").delete("/engine-rest/user/admin");
    var group = as("admin").delete("/engine-rest/group/camunda-admin");

    assertThat(membership.status()).as(membership.toString()).isEqualTo(400);
    assertThat(membership.json().path("message").asText()).contains("last member");
    assertThat(user.status()).as(user.toString()).isEqualTo(400);
    assertThat(group.status()).as(group.toString()).isEqualTo(400);
    assertThat(identity().createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
  }

  @Test
  void anAdministratorCanBeRemovedWhileAnotherRemains() {
    User second = identity().newUser("second-admin");
    second.setPassword("second-admin-pw");
    identity().saveUser(second);
    identity().createMembership("second-admin", "camunda-admin");

    var removed = as("admin").delete("/engine-rest/group/camunda-admin/members/second-admin");
    var deleted = as("admin").delete("/engine-rest/user/second-admin");

    assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
  }

  @Test
  void webappsOfferEachPersonOnlyTheirApplications() {
    assertThat(authorizedApps(api().signIn("olivia", "demo"))).contains("tasklist").doesNotContain("admin", "cockpit");
    assertThat(authorizedApps(api().signIn("mia", "demo"))).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps(api().signIn("admin", "demo"))).contains("tasklist", "cockpit", "admin");
  }

  @Test
  void signOutFromTheWebappsEndsTheSession() {
    Api olivia = api().signIn("olivia", "demo");
    assertThat(olivia.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);

    var logout = olivia.post("/camunda/api/admin/auth/user/default/logout", "");

    assertThat(logout.status()).isEqualTo(200);
    assertThat(olivia.get("/camunda/api/engine/engine/default/task?maxResults=1").status()).isEqualTo(401);
    assertThat(olivia.get("/camunda/app/tasklist/default/").status()).isEqualTo(302);
  }

  @Test
  void serviceAccountCannotSignInToTheWebapps() {
    var login = api().anonymous().get("/login");
    assertThat(login.status()).isEqualTo(200);

    var tasklist = api().basic("ci-bot", "demo-ci-token").get("/camunda/app/tasklist/default/");

    assertThat(tasklist.status()).isEqualTo(403);
  }

  private java.util.List<String> authorizedApps(Api session) {
    var response = session.get("/camunda/api/admin/auth/user/default");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    java.util.List<String> apps = new java.util.ArrayList<>();
    response.json().path("authorizedApps").forEach(app -> apps.add(app.asText()));
    return apps;
  }

  private IdentityService identity() {
    return processEngine.getIdentityService();
  }
}
