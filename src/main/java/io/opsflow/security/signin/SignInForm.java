package io.opsflow.security.signin;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import io.opsflow.kernel.web.ProblemWriter;

/**
 * What the sign-in form does after a sign-in: a success leaves the device cookie in the browser
 * and goes on to where the person was headed; a paused sign-in gets a page that says how long to
 * wait (429); a wrong password goes back to the form.
 */
public final class SignInForm {

  public static final String WRONG_PASSWORD = "/login?error";

  private SignInForm() {
  }

  public static AuthenticationSuccessHandler succeeded(SignInThrottle throttle, String defaultTarget) {
    var next = new SavedRequestAwareAuthenticationSuccessHandler();
    next.setDefaultTargetUrl(defaultTarget);
    return (request, response, authentication) -> {
      String device = DeviceCookie.issue(request, response, SignInThrottle.KNOWN_FOR);
      throttle.trustDevice(authentication.getName(), device);
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  public static AuthenticationFailureHandler failed(ProblemWriter problems) {
    var wrongPassword = new SimpleUrlAuthenticationFailureHandler(WRONG_PASSWORD);
    return (request, response, exception) -> {
      if (exception instanceof SignInThrottled throttled) {
        throttled.answer(problems, request, response);
      } else {
        wrongPassword.onAuthenticationFailure(request, response, exception);
      }
    };
  }
}
