package io.opsflow.security.signin;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import io.opsflow.security.Authorities;
import io.opsflow.security.Directory;
import io.opsflow.security.Groups;
import io.opsflow.security.ServiceAccounts;
import io.opsflow.security.accounts.BearerTokenFilter;

/**
 * Checks a user name and password (HTTP Basic or the sign-in form) against Camunda's identity
 * service, so OpsFlow has one identity for the webapps, /engine-rest and /api. Service accounts
 * present their token as the password (Alertmanager, for one, can only send Basic credentials).
 * Every check passes the {@link SignInThrottle} first, which counts the failures.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final Directory directory;
  private final ServiceAccounts serviceAccounts;
  private final SignInThrottle throttle;

  IdentityAuthenticationProvider(IdentityService identityService, Directory directory, ServiceAccounts serviceAccounts,
      SignInThrottle throttle) {
    this.identityService = identityService;
    this.directory = directory;
    this.serviceAccounts = serviceAccounts;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    String secret = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    if (userId == null || userId.isBlank() || secret.isEmpty()) {
      throw new BadCredentialsException("User name and password are required");
    }
    SignInThrottle.Attempt attempt = throttle.begin(userId, SignInClient.from(authentication.getDetails()));
    Authentication authenticated = check(userId, secret);
    if (authenticated == null) {
      attempt.failed();
      throw new BadCredentialsException("Invalid user name or password");
    }
    attempt.succeeded();
    return authenticated;
  }

  private Authentication check(String userId, String secret) {
    List<String> groups = directory.groupsOf(userId);
    if (groups.stream().anyMatch(Groups.SERVICE_ACCOUNT_GROUPS::contains)) {
      return serviceAccounts.authenticate(secret)
          .filter(caller -> caller.accountId().equals(userId))
          .map(BearerTokenFilter::authenticationOf)
          .orElse(null);
    }
    identityService.clearAuthentication();
    if (!identityService.checkPassword(userId, secret)) {
      return null;
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, Authorities.of(Authorities.PERSON, groups));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
