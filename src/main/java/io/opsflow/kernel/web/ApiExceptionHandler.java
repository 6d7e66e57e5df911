package io.opsflow.kernel.web;

import java.time.temporal.Temporal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.StorableTime;

/**
 * Turns every failure of an OpsFlow API request into an RFC 9457 problem whose detail tells the
 * caller what to change. Nothing here retries or writes: the failed request changed nothing.
 */
@RestControllerAdvice(basePackages = "io.opsflow")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handleApi(ApiException e) {
    return problem(e.status(), e.getMessage());
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> handleRefusal(Refusal refusal) {
    return problem(statusOf(refusal), refusal.detail());
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "The record already exists; it was created by an earlier or concurrent request.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
    log.error("Unexpected failure in API request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "OpsFlow failed to process the request; the error is logged on the server.");
  }

  /** 404 for what does not exist, 400 for a rule broken, 409 for a state that does not allow it. */
  public static HttpStatus statusOf(Refusal refusal) {
    if (refusal instanceof Refusal.NotFound) {
      return HttpStatus.NOT_FOUND;
    }
    return refusal instanceof Refusal.Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
  }

  /** A query or path parameter that is not of its type: {@code ?state=opne}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
    return cast(problem(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' has the value '" + e.getValue()
        + "', which is not a valid " + typeName(e.getRequiredType()) + "."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return cast(problem(HttpStatus.BAD_REQUEST, describeUnreadable(e)));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
        .toList();
    String detail = errors.stream()
        .map(error -> error.get("field") + " " + error.get("message"))
        .collect(Collectors.joining("; "));
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Invalid request: " + detail);
    response.getBody().setProperty("errors", errors);
    return cast(response);
  }

  static String describeUnreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof ApiBodyFilter.UnacceptableBodyException refused) {
        return refused.getMessage();
      }
      if (inner instanceof JsonProcessingException json && json.getOriginalMessage() != null) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(json.getOriginalMessage());
        if (duplicate.find()) {
          return "The body names field '" + duplicate.group(1) + "' more than once; send each field once.";
        }
      }
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + unknown.getPropertyName() + "'. Known fields: "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".";
    }
    if (cause instanceof StrictJson.UnstorableTimeException unstorable) {
      return "Field '" + path(unstorable) + "' is " + unstorable.getValue() + "; OpsFlow stores times "
          + StorableTime.RANGE + ".";
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text) {
      return "Field '" + path(invalid) + "' has the value '" + text + "', which is not a valid "
          + typeName(invalid.getTargetType()) + ".";
    }
    if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      return "Field '" + path(mismatched) + "' must be a " + typeName(mismatched.getTargetType()) + ".";
    }
    if (cause instanceof MismatchedInputException trailing && trailing.getOriginalMessage().startsWith("Trailing token")) {
      return "The body goes on after its JSON value" + at(trailing) + "; send exactly one JSON value.";
    }
    if (cause instanceof InputCoercionException number) {
      return "A number in the body is out of range for its field" + at(number) + ".";
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return "The body is not valid JSON" + at(json) + ".";
    }
    return "The request body is missing or is not valid JSON.";
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value of another type";
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    if (type == String.class) {
      return "string";
    }
    if (type.isEnum()) {
      return "one of " + Codes.list(type);
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "date and time with an offset, as text (e.g. 2026-12-01T22:00:00Z)";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "list";
    }
    return "JSON object";
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
