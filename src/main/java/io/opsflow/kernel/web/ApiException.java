package io.opsflow.kernel.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served as asked, with a message a person can act on. Rendered as an
 * RFC 9457 problem by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String detail) {
    super(detail);
    this.status = status;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail);
  }

  public HttpStatus status() {
    return status;
  }
}
