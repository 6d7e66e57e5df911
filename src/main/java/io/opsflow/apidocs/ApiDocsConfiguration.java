package io.opsflow.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.kernel.web.ApiPathKeys;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}), generated from the controllers at run time. What the annotations do
 * not say is taken from the code that decides it: who may call an operation from the security
 * rules ({@link WhoMayCall}), that unknown fields are refused from Jackson's configuration, the
 * form of path keys from {@link ApiPathKeys}, and the problem answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  static final String BASIC = "basicAuth";
  static final String BEARER = "bearerAuth";
  static final String PROBLEM = "Problem";
  static final String GROUPS_EXTENSION = "x-opsflow-groups";
  private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  /** A {@code @Pattern} that lists its values ({@code high|medium|low}) is an enumeration. */
  private static final Pattern ALTERNATIVES = Pattern.compile("\\^?\\(?([A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+)\\)?\\$?");

  @Bean
  OpenAPI opsFlowApi() {
    return new OpenAPI()
        .info(new Info().title("OpsFlow API").version("1")
            .description("""
                The OpsFlow API for CI pipelines, monitoring and scripts. People sign in with HTTP Basic \
                (their OpsFlow user), service accounts with `Authorization: Bearer <token>` (or HTTP Basic \
                with the account id and the token). Each operation names the groups that may call it. \
                Bodies are strict JSON in UTF-8: unknown fields, fields named twice and values of the \
                wrong type are refused with 400. Every error is an RFC 9457 problem \
                (`application/problem+json`) whose `detail` says what to change; a refused request \
                changes nothing."""))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("People: their OpsFlow user and password. Service accounts that only speak "
                    + "Basic (Alertmanager): the account id and a token."))
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Service accounts (groups `ci`, `monitoring`): a token an administrator issued "
                    + "with POST /api/service-accounts/{id}/tokens.")));
  }

  /** Unique, stable operation ids for client generators: the handler's verb and the controller's subject. */
  @Bean
  OperationCustomizer operationIds() {
    return (operation, handler) -> operation.operationId(
        handler.getMethod().getName() + handler.getBeanType().getSimpleName().replaceFirst("Controller$", ""));
  }

  @Bean
  OpenApiCustomizer describeAccessAndProblems(WhoMayCall whoMayCall) {
    return api -> {
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        security(operation, whoMayCall.of(method.name(), path));
        problems(operation, path);
        keys(operation);
      }));
    };
  }

  @Bean
  IgnoredFields ignoredFields() {
    return new IgnoredFields();
  }

  @Bean
  OpenApiCustomizer strictRequestBodies(ObjectMapper json, IgnoredFields ignoredFields) {
    return api -> {
      if (!json.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
        return;
      }
      Map<String, Schema> schemas = api.getComponents().getSchemas();
      Set<String> seen = new HashSet<>();
      api.getPaths().values().forEach(item -> item.readOperations().stream()
          .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null)
          .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
          .forEach(media -> refuseUnknownFields(media.getSchema(), schemas, seen, ignoredFields)));
    };
  }

  @Bean
  OpenApiCustomizer enumerationsFromPatterns() {
    return api -> {
      if (api.getComponents().getSchemas() != null) {
        api.getComponents().getSchemas().values().forEach(ApiDocsConfiguration::enumerations);
      }
    };
  }

  private static void security(Operation operation, WhoMayCall.Callers callers) {
    List<SecurityRequirement> security = new ArrayList<>();
    security.add(new SecurityRequirement().addList(BASIC));
    if (!callers.serviceAccounts().isEmpty()) {
      security.add(new SecurityRequirement().addList(BEARER));
    }
    operation.setSecurity(security);
    operation.addExtension(GROUPS_EXTENSION, callers.groups());
    String who = "**Who may call:** " + callers.describe() + ".";
    operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
  }

  private static void problems(Operation operation, String path) {
    ApiResponses responses = operation.getResponses();
    boolean input = operation.getRequestBody() != null
        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    Map<String, String> statuses = new LinkedHashMap<>();
    if (input) {
      statuses.put("400", "Bad input (a missing or malformed field, an unknown field, a value out of range); "
          + "`detail` says what to change.");
    }
    statuses.put("401", "Not signed in, or unknown credentials.");
    statuses.put("403", "The caller's groups may not call this operation.");
    if (path.contains("{")) {
      statuses.put("404", "No such record, or one the caller may not read (restricted items are not found).");
    }
    if (operation.getRequestBody() != null) {
      statuses.put("415", "The body is not JSON in UTF-8.");
    }
    statuses.put("429", "Signing in is paused after wrong passwords; `Retry-After` says for how many seconds.");
    statuses.forEach((status, description) -> {
      if (!responses.containsKey(status)) {
        responses.addApiResponse(status, new ApiResponse().description(description));
      }
    });
    responses.get("429").addHeaderObject("Retry-After",
        new Header().description("seconds to wait").schema(new IntegerSchema()));
    Content problem = new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    responses.forEach((status, response) -> {
      if (status.startsWith("4")) {
        response.setContent(problem);
      }
    });
  }

  /** Every path variable of {@code /api} is a key ({@link ApiPathKeys}); others are refused with 400. */
  private static void keys(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      if ("path".equals(parameter.getIn()) && parameter.getSchema() != null) {
        parameter.getSchema().pattern("^" + ApiPathKeys.KEY.pattern() + "$");
      }
    }
  }

  /** Marks every object schema a request body reaches, except those whose class ignores unknown fields. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void refuseUnknownFields(Schema schema, Map<String, Schema> schemas, Set<String> seen,
      IgnoredFields ignoredFields) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (seen.add(name) && schemas != null && schemas.containsKey(name)) {
        Schema model = schemas.get(name);
        if (model.getProperties() != null && !ignoredFields.ignoresUnknownFields(name)) {
          model.setAdditionalProperties(false);
        }
        refuseUnknownFields(model, schemas, seen, ignoredFields);
      }
      return;
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).values()
          .forEach(property -> refuseUnknownFields(property, schemas, seen, ignoredFields));
    }
    if (schema.getItems() != null) {
      refuseUnknownFields(schema.getItems(), schemas, seen, ignoredFields);
    }
  }

  @SuppressWarnings("rawtypes")
  private static void enumerations(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    for (Schema property : schema.getProperties().values()) {
      Schema target = property instanceof ArraySchema array ? array.getItems() : property;
      if (target != null && target.getPattern() != null && target.getEnum() == null) {
        var alternatives = ALTERNATIVES.matcher(target.getPattern());
        if (alternatives.matches()) {
          target.setEnum(List.of(alternatives.group(1).split("\\|")));
          target.setPattern(null);
        }
      }
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("a URI that names the kind of problem")
            .example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().description("what went wrong and what to change"))
        .addProperty("instance", new StringSchema().description("the request path"))
        .addProperty("errors", new ArraySchema().description("for invalid fields: one entry per field")
            .items(new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())));
  }
}
