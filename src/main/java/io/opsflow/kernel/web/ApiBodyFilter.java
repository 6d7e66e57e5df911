package io.opsflow.kernel.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every OpsFlow API body must be before anything reads it: no larger than its limit
 * ({@code opsflow.api.max-body-size}, or an {@link ApiBodyLimit} of its path), whether the sender
 * declares the length or streams the body; and UTF-8 (RFC 8259), strictly, so no field name or
 * map key is read from malformed bytes. A refused body is a 400 problem (415 for another charset).
 */
class ApiBodyFilter extends OncePerRequestFilter {

  private final long defaultLimit;
  private final List<ApiBodyLimit> limits;
  private final ProblemWriter problems;

  ApiBodyFilter(DataSize defaultLimit, List<ApiBodyLimit> limits, ProblemWriter problems) {
    this.defaultLimit = defaultLimit.toBytes();
    this.limits = limits;
    this.problems = problems;
  }

  /** Thrown while a body is read; the API answers 400 with the message. */
  static class UnacceptableBodyException extends IOException {
    UnacceptableBodyException(String message) {
      super(message);
    }

    static UnacceptableBodyException tooLarge(long limit) {
      return new UnacceptableBodyException("The request body is larger than " + limit
          + " bytes, the most OpsFlow accepts here.");
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the header as sent: Spring's encoding filter has already set the request's own encoding to UTF-8
    String charset = charset(request.getHeader(HttpHeaders.CONTENT_TYPE));
    if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
      problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "OpsFlow reads JSON in UTF-8 only; send the body as UTF-8 (charset=UTF-8), not " + charset + ".");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limits.stream().filter(bodyLimit -> bodyLimit.path().equals(path)).findFirst()
        .map(bodyLimit -> bodyLimit.maxSize().toBytes()).orElse(defaultLimit);
    if (request.getContentLengthLong() > limit) {
      problems.write(response, HttpStatus.BAD_REQUEST, UnacceptableBodyException.tooLarge(limit).getMessage());
      return;
    }
    chain.doFilter(new CheckedRequest(request, limit), response);
  }

  private static String charset(String contentType) {
    try {
      String charset = contentType == null ? null : MediaType.parseMediaType(contentType).getParameter("charset");
      return charset == null ? null : charset.replace("\"", "");
    } catch (InvalidMediaTypeException e) {
      return null; // Spring MVC refuses it with 415
    }
  }

  private static final class CheckedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream body;

    CheckedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new CheckedInputStream(super.getInputStream(), limit);
      }
      return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  private static final class CheckedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final Utf8Validator utf8 = new Utf8Validator();
    private long read;

    CheckedInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        ended();
      } else {
        check(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n < 0) {
        ended();
      }
      for (int i = 0; i < n; i++) {
        check(buffer[offset + i] & 0xFF);
      }
      return n;
    }

    private void check(int b) throws IOException {
      if (++read > limit) {
        throw UnacceptableBodyException.tooLarge(limit);
      }
      if (!utf8.accept(b)) {
        throw notUtf8();
      }
    }

    private void ended() throws IOException {
      if (!utf8.complete()) {
        throw notUtf8();
      }
    }

    private UnacceptableBodyException notUtf8() {
      return new UnacceptableBodyException("The request body is not valid UTF-8 (at byte " + read
          + "); OpsFlow reads JSON in UTF-8 only.");
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
