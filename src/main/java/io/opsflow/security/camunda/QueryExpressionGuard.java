package io.opsflow.security.camunda;

import io.opsflow.kernel.web.CachedBodyRequest;
import io.opsflow.kernel.web.ProblemWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda CE evaluates expressions in task queries in places its own switches do not cover (for
 * example inside {@code orQueries}, or in the extending query of a filter). OpsFlow never needs an
 * expression in a query sent over HTTP, so any task or filter query that carries an
 * {@code ...Expression} criterion is refused before Camunda sees it, on /engine-rest and on the
 * webapps' API alike.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

  /** Task and filter endpoints whose JSON body is (or contains) a task query. */
  private static final Pattern QUERY_PATHS = Pattern.compile(
      "^/(task(/count)?|filter(/create|/[^/]+(/(list|count|singleResult))?))/?$");
  /** Prefixes of the two REST surfaces, with or without a named engine. */
  private static final Pattern REST_ROOT = Pattern.compile(
      "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)");
  private static final int MAX_QUERY_BODY = 256 * 1024;

  private final ProblemWriter problems;
  private final ObjectMapper json = new ObjectMapper();

  QueryExpressionGuard(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Only the query string: reading form parameters would consume a form body meant for Camunda.
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        String name = decode(pair.split("=", 2)[0]);
        if (isExpressionKey(name)) {
          refuse(response, name);
          return;
        }
      }
    }
    if (!carriesQueryBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
    if (body.length > MAX_QUERY_BODY) {
      problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "A task or filter query may be at most 256 KiB.");
      return;
    }
    String expressionKey = body.length == 0 ? null : findExpressionKey(body);
    if (expressionKey != null) {
      refuse(response, expressionKey);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // undecodable: judge the raw name, Camunda will reject it on its own
      return name;
    }
  }

  private static boolean carriesQueryBody(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"POST".equals(method) && !"PUT".equals(method)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    var root = REST_ROOT.matcher(path);
    return root.find() && QUERY_PATHS.matcher(path.substring(root.end())).matches();
  }

  private String findExpressionKey(byte[] body) {
    try {
      return findExpressionKey(json.readTree(body));
    } catch (JsonProcessingException e) {
      // Not JSON: Camunda rejects it on its own.
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String findExpressionKey(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpressionKey(field.getKey())) {
          return field.getKey();
        }
        String nested = findExpressionKey(field.getValue());
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String nested = findExpressionKey(element);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static boolean isExpressionKey(String key) {
    return key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private void refuse(HttpServletResponse response, String key) throws IOException {
    problems.write(response, HttpStatus.BAD_REQUEST,
        "Query criterion '" + key + "' is an expression; OpsFlow accepts only literal values in task and filter queries.");
  }
}
