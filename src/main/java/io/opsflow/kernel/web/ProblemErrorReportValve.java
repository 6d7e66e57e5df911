package io.opsflow.kernel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat answers some requests before OpsFlow sees them, with an HTML page: a path that is not
 * valid UTF-8 once decoded, or that holds an encoded slash, backslash or NUL. This valve answers
 * them as RFC 9457 problems like every other refusal. Set as the host's error report valve by
 * {@link WebConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", "The request was refused before OpsFlow could read it: check the path for characters that"
        + " must not be there (an encoded '/', '\\' or NUL, or bytes that are not UTF-8).");
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(JSON.writeValueAsBytes(problem));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone; nothing left to tell it
    }
  }
}
