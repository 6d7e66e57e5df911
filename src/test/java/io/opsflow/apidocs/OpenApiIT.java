package io.opsflow.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.kernel.web.ApiPathKeys;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The published contract: {@code /v3/api-docs} describes every {@code /api} route the code serves,
 * validates as OpenAPI 3, names who may call each operation as the security rules decide it, and is
 * shown only to callers who signed in.
 */
class OpenApiIT extends IntegrationTest {

  private static final List<String> PEOPLE = List.of("ops", "dev", "qa", "manager", "security", "camunda-admin");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  private JsonNode description() {
    Response response = as("olivia").get("/v3/api-docs");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void everyApiRouteOfTheCodeIsDescribed() {
    JsonNode paths = description().path("paths");
    List<String> routes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    handlerMapping.getHandlerMethods().keySet().forEach(mapping -> {
      for (String pattern : patterns(mapping)) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        assertThat(methods).as("%s names its HTTP methods", pattern).isNotEmpty();
        for (RequestMethod method : methods) {
          String route = method + " " + pattern;
          routes.add(route);
          if (paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
            missing.add(route);
          }
        }
      }
    });
    assertThat(routes).as("the handler mappings list the API").hasSizeGreaterThan(20);
    assertThat(missing).as("routes the description lacks").isEmpty();
    paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
  }

  @Test
  void descriptionValidatesAsOpenApi3() {
    String json = as("olivia").get("/v3/api-docs").body();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsOnlyKeys("basicAuth", "bearerAuth");
  }

  @Test
  void everyOperationHasSummaryTagSecurityAndProblemAnswers() {
    JsonNode description = description();
    List<String> defects = new ArrayList<>();
    description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
      JsonNode node = entry.getValue();
      if (node.path("summary").asText().isBlank()) {
        defects.add(operation + ": no summary");
      }
      if (node.path("tags").isEmpty()) {
        defects.add(operation + ": no tag");
      }
      if (node.path("security").isEmpty() || node.path("x-opsflow-groups").isEmpty()
          || !node.path("description").asText().contains("Who may call:")) {
        defects.add(operation + ": does not say who may call it");
      }
      for (String status : List.of("401", "403")) {
        if (node.path("responses").path(status).path("content").path("application/problem+json").isMissingNode()) {
          defects.add(operation + ": no problem answer " + status);
        }
      }
      if (node.has("requestBody") && node.path("responses").path("400").isMissingNode()) {
        defects.add(operation + ": takes a body but names no 400");
      }
    }));
    assertThat(defects).isEmpty();
    List<String> operationIds = description.path("paths").findValuesAsText("operationId");
    assertThat(operationIds).as("client generators need unique operation ids").doesNotHaveDuplicates();
  }

  @Test
  void operationsNameTheGroupsTheSecurityRulesAllow() {
    JsonNode paths = description().path("paths");

    assertThat(groups(paths, "post", "/api/services")).containsExactly("manager", "camunda-admin");
    assertThat(groups(paths, "get", "/api/services")).containsExactlyElementsOf(PEOPLE);
    assertThat(groups(paths, "post", "/api/alerts/alertmanager")).containsExactly("monitoring");
    assertThat(groups(paths, "post", "/api/incidents")).containsExactlyElementsOf(concat(PEOPLE, "monitoring"));
    assertThat(groups(paths, "get", "/api/changes/{key}/gate")).containsExactlyElementsOf(concat(PEOPLE, "ci"));
    assertThat(groups(paths, "post", "/api/emergency-plans/{planKey}/activations")).containsExactly("ops", "manager");
    assertThat(groups(paths, "get", "/api/service-accounts")).containsExactly("camunda-admin");
    assertThat(groups(paths, "get", "/api/audit")).containsExactly("manager", "camunda-admin");

    assertThat(schemes(paths, "get", "/api/changes/{key}/gate")).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
    assertThat(schemes(paths, "get", "/api/audit")).containsExactly("basicAuth");
    assertThat(paths.path("/api/services").path("get").path("description").asText())
        .contains("every signed-in person");
    assertThat(paths.path("/api/changes").path("post").path("description").asText())
        .contains("service accounts of `ci`");
  }

  @Test
  void requestSchemasSayWhatTheCodeAccepts() {
    JsonNode schemas = description().path("components").path("schemas");

    JsonNode incident = schemas.path("NewIncident");
    assertThat(incident.path("additionalProperties").asBoolean(true)).as("unknown fields are refused").isFalse();
    assertThat(texts(incident.path("required"))).containsExactlyInAnyOrder("title", "impact", "urgency");
    assertThat(texts(incident.path("properties").path("impact").path("enum"))).containsExactly("high", "medium", "low");
    assertThat(incident.path("properties").path("title").path("maxLength").asInt()).isEqualTo(300);
    assertThat(texts(schemas.path("Incident").path("properties").path("state").path("enum")))
        .as("typed answers list their codes, as the JSON carries them")
        .containsExactly("open", "acknowledged", "resolved", "closed");

    JsonNode change = schemas.path("NewChange");
    assertThat(change.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(texts(change.path("properties").path("changeType").path("enum")))
        .containsExactly("standard", "normal", "emergency");

    assertThat(schemas.has("AlertmanagerWebhook")).isTrue();
    assertThat(schemas.path("AlertmanagerWebhook").path("additionalProperties").isMissingNode())
        .as("Alertmanager's webhook ignores fields OpsFlow does not use").isTrue();
    assertThat(schemas.path("Problem").path("properties").has("detail")).isTrue();
    JsonNode key = description().path("paths").path("/api/incidents/{key}").path("get").path("parameters").get(0);
    assertThat(key.path("schema").path("pattern").asText()).as("path keys are keys")
        .isEqualTo("^" + ApiPathKeys.KEY.pattern() + "$");
  }

  @Test
  void descriptionAndSwaggerUiAreForThoseWhoSignedIn() {
    Response anonymous = api().anonymous().get("/v3/api-docs");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api().bearer("demo-ci-token").get("/v3/api-docs").status())
        .as("pipelines may read the contract").isEqualTo(200);

    Response page = api().anonymous().withHeader("Accept", "text/html").get("/swagger-ui/index.html");
    assertThat(page.status()).as("a browser is sent to sign in").isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
    assertThat(api().bearer("demo-ci-token").get("/swagger-ui/index.html").status()).isEqualTo(403);

    Api person = api().signIn("devon", "demo");
    Response redirect = person.get("/swagger-ui.html");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).endsWith("/swagger-ui/index.html");
    assertThat(person.withHeader("Accept", "text/html").get("/swagger-ui/index.html").status()).isEqualTo(200);
    Response config = person.get("/v3/api-docs/swagger-config");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");
    assertThat(person.get("/v3/api-docs").json().path("openapi").asText()).startsWith("3.");
  }

  private static Set<String> patterns(RequestMappingInfo mapping) {
    return mapping.getPathPatternsCondition() == null ? mapping.getPatternValues()
        : mapping.getPathPatternsCondition().getPatternValues();
  }

  private static List<String> groups(JsonNode paths, String method, String path) {
    return texts(paths.path(path).path(method).path("x-opsflow-groups"));
  }

  private static Set<String> schemes(JsonNode paths, String method, String path) {
    Set<String> schemes = new TreeSet<>();
    paths.path(path).path(method).path("security").forEach(requirement -> requirement.fieldNames()
        .forEachRemaining(schemes::add));
    return schemes;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> concat(List<String> groups, String more) {
    List<String> all = new ArrayList<>(groups);
    all.add(more);
    return all;
  }
}
