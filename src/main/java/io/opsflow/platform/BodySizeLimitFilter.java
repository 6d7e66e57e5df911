package io.opsflow.platform;

import java.io.IOException;

import org.springframework.http.HttpStatus;
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
 * Refuses OpsFlow API bodies above {@code opsflow.api.max-body-size} with a 400 problem, whether
 * the sender declares the length or streams the body.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ProblemWriter problems;

  BodySizeLimitFilter(DataSize limit, ProblemWriter problems) {
    this.limit = limit.toBytes();
    this.problems = problems;
  }

  /** Thrown while reading a streamed body that grows past the limit; the API answers 400. */
  static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes, the most OpsFlow accepts.");
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      problems.write(response, HttpStatus.BAD_REQUEST, new BodyTooLargeException(limit).getMessage());
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int bytes) throws IOException {
          read += bytes;
          if (read > limit) {
            throw new BodyTooLargeException(limit);
          }
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
      };
    }
  }
}
