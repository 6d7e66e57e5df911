package io.opsflow.security.camunda;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.opsflow.security.Authorities;

/**
 * Hands the person Spring Security authenticated to Camunda (REST API and webapps), so the engine's
 * authorizations apply to them. Service accounts never reach Camunda: Spring refuses them first,
 * and this provider refuses them again. Camunda instantiates this class by name.
 */
public class SpringSecurityEngineAuthentication implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!Authorities.isPerson(authentication)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    result.setGroups(Authorities.groupsOf(authentication));
    result.setTenants(List.of());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security answers unauthenticated requests before they get here.
  }
}
