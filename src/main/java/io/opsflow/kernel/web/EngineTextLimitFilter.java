package io.opsflow.kernel.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.opsflow.kernel.text.Texts;

/**
 * Camunda keeps a text variable in a VARCHAR(4000) column and a business key in VARCHAR(255): a
 * longer value sent to the REST API (a Tasklist form, a start, a message, a variable update) failed
 * only when the engine wrote it, as a 500. This filter reads JSON bodies sent to both REST
 * surfaces first and refuses such values with a 400 that names the variable, in Camunda's error
 * format, so Tasklist shows the message. Nothing reaches the engine.
 */
class EngineTextLimitFilter extends OncePerRequestFilter {

  static final int BUSINESS_KEY_MAX = 255;
  static final int VARIABLE_NAME_MAX = 255;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    boolean writes = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
    return !writes || !json(request.getContentType());
  }

  private static boolean json(String contentType) {
    try {
      return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false; // Camunda refuses it itself
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    List<String> problems = new ArrayList<>();
    try {
      check(json.readTree(body), null, problems);
    } catch (IOException notJson) {
      // Camunda answers malformed JSON itself
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
          "message", "Nothing was saved: " + String.join("; ", problems) + "."));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * Walks the body. A variable is an object with a {@code value} (and maybe a {@code type}), under
   * its name; query criteria also carry a value but have an {@code operator} and are left alone.
   */
  private static void check(JsonNode node, String name, List<String> problems) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode value = node.get("value");
      String type = node.path("type").asText("String");
      if (value != null && value.isTextual() && !node.has("operator") && "string".equalsIgnoreCase(type)
          && value.textValue().length() > Texts.VARIABLE_MAX) {
        problems.add("text variable " + (name == null ? "" : "'" + name + "' ") + "is " + value.textValue().length()
            + " characters long; a text holds at most " + Texts.VARIABLE_MAX);
      }
      if (name != null && name.length() > VARIABLE_NAME_MAX && (node.has("value") || node.has("type"))) {
        problems.add("a variable name is " + name.length() + " characters long; names hold at most "
            + VARIABLE_NAME_MAX);
      }
      JsonNode businessKey = node.get("businessKey");
      if (businessKey != null && businessKey.isTextual() && businessKey.textValue().length() > BUSINESS_KEY_MAX) {
        problems.add("businessKey is " + businessKey.textValue().length() + " characters long; it holds at most "
            + BUSINESS_KEY_MAX);
      }
      node.properties().forEach(field -> check(field.getValue(), field.getKey(), problems));
    } else if (node.isArray()) {
      node.forEach(element -> check(element, null, problems));
    }
  }
}
