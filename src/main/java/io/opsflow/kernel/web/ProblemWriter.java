package io.opsflow.kernel.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes RFC 9457 problems from servlet filters, where Spring MVC's exception handling does not reach. */
@Component
public class ProblemWriter {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>OpsFlow: %1$s</title></head>
      <body style="font-family: sans-serif; margin: 3em;">
      <h1>%1$s</h1>
      <p>%2$s</p>
      <p><a href="%3$s/camunda/app/tasklist/default/">Back to Tasklist</a> |
      <a href="%3$s/login">Sign in as someone else</a></p>
      </body></html>
      """;

  private final ObjectMapper objectMapper;

  public ProblemWriter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** A browser asking for a page gets a short HTML page; every other caller a problem document. */
  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
      write(response, status, detail);
      return;
    }
    response.setStatus(status.value());
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(PAGE.formatted(status.getReasonPhrase(), HtmlUtils.htmlEscape(detail),
        HtmlUtils.htmlEscape(request.getContextPath())));
  }

  public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
