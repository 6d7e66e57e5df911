package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/** Task queries that carry expressions never reach Camunda, on either REST surface. */
class QueryExpressionGuardIT extends IntegrationTest {

  private static final String OR_QUERY_WITH_EXPRESSION =
      "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}";

  @Test
  void orQueryExpressionIsRefusedOnEngineRest() {
    var response = as("olivia").post("/engine-rest/task", OR_QUERY_WITH_EXPRESSION);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains("assigneeExpression");
  }

  @Test
  void orQueryExpressionIsRefusedOnTheWebappApi() {
    Api olivia = api().signIn("olivia", "demo");

    var count = olivia.post("/camunda/api/engine/engine/default/task/count", OR_QUERY_WITH_EXPRESSION);
    var list = olivia.post("/camunda/api/engine/engine/default/task?maxResults=10", OR_QUERY_WITH_EXPRESSION);

    assertThat(count.status()).as(count.toString()).isEqualTo(400);
    assertThat(list.status()).as(list.toString()).isEqualTo(400);
    assertThat(list.json().path("detail").asText()).contains("assigneeExpression");
  }

  @Test
  void expressionInAFiltersExtendingQueryIsRefused() {
    String filterId = as("olivia").get("/engine-rest/filter?resourceType=Task&maxResults=10").json().get(0).path("id").asText();

    var response = as("olivia").post("/engine-rest/filter/" + filterId + "/list?maxResults=10",
        "{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
  }

  @Test
  void expressionAsQueryParameterIsRefusedEvenWhenEncoded() {
    var plain = as("olivia").get("/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D");
    var encodedName = as("olivia").get("/engine-rest/task?maxResults=10&assignee%45xpression=x");

    assertThat(plain.status()).isEqualTo(400);
    assertThat(encodedName.status()).isEqualTo(400);
    assertThat(encodedName.json().path("detail").asText()).contains("assigneeExpression");
  }

  @Test
  void storedFilterWithExpressionCannotBeCreated() {
    var response = as("admin").post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(as("admin").get("/engine-rest/filter/count?name=sneaky").json().path("count").asLong()).isZero();
  }

  @Test
  void literalOrQueriesStillWork() {
    var response = as("olivia").post("/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"assignee\":\"olivia\",\"candidateGroup\":\"ops\"}]}");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().isArray()).isTrue();
  }
}
