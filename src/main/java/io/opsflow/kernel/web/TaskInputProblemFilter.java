package io.opsflow.kernel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.process.InvalidTaskInput;
import io.opsflow.kernel.text.Texts;

/**
 * Camunda's REST API answers 500 when a task listener refuses a form, because the engine wraps
 * the listener's exception (and a 400 with its own prefix when a start's first step refuses). For
 * task completion and form submission (task and start forms), claiming and assigning (which
 * listeners may refuse too), process starts and messages (whose first steps check their
 * variables), this filter turns such an answer, when it carries {@link InvalidTaskInput}'s marker
 * or a domain {@link Refusal}'s, into the 400 it is, with just OpsFlow's message, so Tasklist shows the person what to correct. A
 * value the database refused as too long or out of range is a 400 too: the transaction was rolled
 * back, nothing was saved.
 */
class TaskInputProblemFilter extends OncePerRequestFilter {

  private static final Pattern FORM_CALLS = Pattern.compile(
      ".*/(task/[^/]+/(complete|submit-form|claim|assignee)"
          + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(submit-form|start)|message)$");
  /** MySQL/MariaDB and H2 refusing a value that does not fit its column. */
  private static final Pattern UNSTORABLE = Pattern.compile(
      "Data too long for column '[^']*'|Value too long for column \"[^\"]*\"|Incorrect datetime value|Data truncation");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !FORM_CALLS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    boolean refused = wrapper.getStatus() == HttpStatus.BAD_REQUEST.value()
        || wrapper.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value();
    String message = refused ? invalidInput(wrapper) : null;
    if (message == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    wrapper.resetBuffer();
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("type", "FormFieldValidationException", "message", message));
  }

  private String invalidInput(ContentCachingResponseWrapper wrapper) {
    try {
      JsonNode body = json.readTree(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
      String message = body.path("message").asText("");
      int refused = message.indexOf(Refusal.MARKER);
      if (refused >= 0) {
        String ours = message.substring(message.indexOf("): ", refused) + 3);
        int end = ours.lastIndexOf('.');
        return end < 0 ? ours : ours.substring(0, end + 1);
      }
      int start = message.indexOf(InvalidTaskInput.MARKER);
      if (start < 0) {
        Matcher unstorable = UNSTORABLE.matcher(message);
        return unstorable.find() ? "A value does not fit where it is stored (" + unstorable.group()
            + "); nothing was saved. Text fields hold at most " + Texts.VARIABLE_MAX + " characters." : null;
      }
      String ours = message.substring(start + InvalidTaskInput.MARKER.length());
      int end = Math.max(ours.lastIndexOf('.'), ours.lastIndexOf('。'));
      return end < 0 ? ours : ours.substring(0, end + 1);
    } catch (IOException notJson) {
      return null;
    }
  }
}
