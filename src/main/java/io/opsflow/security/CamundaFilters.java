package io.opsflow.security;

import io.opsflow.platform.ProblemWriter;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;

/**
 * Servlet filters around Spring Security: they carry the signed-in person into Camunda, check the
 * webapps' CSRF token without ending the session, reject the query shapes Camunda CE cannot make
 * safe, throttle password checks on password changes, and mark cookies Secure over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class CamundaFilters {

  private static final Map<String, String> PROVIDER =
      Map.of("authentication-provider", SpringSecurityEngineAuthentication.class.getName());

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("OpsFlow engine-rest authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(PROVIDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Must come before the webapps' own filters, which read the authentication it puts in the session. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("OpsFlow webapp authentication");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setInitParameters(PROVIDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Before Camunda's own CSRF filter, which would end the session on a bad token. */
  @Bean
  FilterRegistrationBean<WebappCsrfCheck> webappCsrfCheck(ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new WebappCsrfCheck(problems));
    registration.setName("OpsFlow webapp CSRF check");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /** After the CSRF check: a forged request is refused before it counts. */
  @Bean
  FilterRegistrationBean<PasswordChangeThrottle> passwordChangeThrottle(SignInThrottle throttle, ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new PasswordChangeThrottle(throttle, problems));
    registration.setName("OpsFlow password change throttle");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** First of all, so that every cookie set later (sessions, webapps, sign-in) passes through it. */
  @Bean
  FilterRegistrationBean<SecureCookieFilter> secureCookies() {
    var registration = new FilterRegistrationBean<>(new SecureCookieFilter());
    registration.setName("OpsFlow secure cookies");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new QueryExpressionGuard(problems));
    registration.setName("OpsFlow query expression guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
