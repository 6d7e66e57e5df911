package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * What the README says an unpaged /engine-rest list query gets (queryMaxResultsLimit 2000): a 400,
 * not 2000 results.
 */
class EngineRestPagingIT extends IntegrationTest {

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
      "/engine-rest/user"})
  void listQueriesMustBePagedWithAtMost2000Results(String path) {
    Response unpaged = as("mia").get(path);
    Response tooMany = as("mia").get(path + "?maxResults=2001");

    assertThat(unpaged.status()).isEqualTo(400);
    assertThat(unpaged.json().path("message").asText()).isEqualTo("An unbound number of results is forbidden!");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("message").asText()).isEqualTo("Max results limit of 2000 exceeded!");
    assertThat(as("mia").get(path + "?firstResult=0&maxResults=2000").status()).isEqualTo(200);
    assertThat(as("mia").get(path + "/count").status()).isEqualTo(200);
  }
}
