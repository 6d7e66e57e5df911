package io.opsflow.security.signin;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

import io.opsflow.kernel.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A sign-in refused, without looking at the password, because too many recent ones failed. */
public class SignInThrottled extends AuthenticationException {

  private final long retryAfterSeconds;

  SignInThrottled(Duration retryAfter) {
    super("Too many failed sign-ins");
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** 429 with Retry-After: a problem document for programs, a short page for a browser. */
  public void answer(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response) throws IOException {
    long minutes = (retryAfterSeconds + 59) / 60;
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed sign-ins from your address or for this account: signing in is paused for "
            + (minutes == 1 ? "a minute" : minutes + " minutes") + ". Try again then. Browsers and addresses that "
            + "signed in as this account before are not paused.");
  }
}
