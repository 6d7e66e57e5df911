package io.opsflow.security.camunda;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.security.signin.PasswordChangeThrottle;
import io.opsflow.security.signin.SignInThrottle;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

/**
 * Servlet filters around Spring Security: they carry the signed-in person into Camunda, check the
 * webapps' CSRF token without ending the session, reject the query shapes Camunda CE cannot make
 * safe, keep a task's comments and attachments to those who may read the task (and let them
 * comment), throttle password checks on password changes, leave actions out of Cockpit for those who only
 * watch and count every task for them there, and mark cookies Secure over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class CamundaFilters {

  private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER;
  private static final Map<String, String> PROVIDER =
      Map.of("authentication-provider", SpringSecurityEngineAuthentication.class.getName());

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = register(new ProcessEngineAuthenticationFilter(), "OpsFlow engine-rest authentication",
        AFTER_SPRING_SECURITY + 1, "/engine-rest/*");
    registration.setInitParameters(PROVIDER);
    return registration;
  }

  /** Must come before the webapps' own filters, which read the authentication it puts in the session. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    var registration = register(new ContainerBasedAuthenticationFilter(), "OpsFlow webapp authentication",
        AFTER_SPRING_SECURITY + 1, "/camunda/app/*", "/camunda/api/*");
    registration.setInitParameters(PROVIDER);
    return registration;
  }

  /** Before Camunda's own CSRF filter, which would end the session on a bad token. */
  @Bean
  FilterRegistrationBean<WebappCsrfCheck> webappCsrfCheck(ProblemWriter problems) {
    return register(new WebappCsrfCheck(problems), "OpsFlow webapp CSRF check",
        AFTER_SPRING_SECURITY + 2, "/camunda/app/*", "/camunda/api/*");
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ProblemWriter problems) {
    return register(new QueryExpressionGuard(problems), "OpsFlow query expression guard",
        AFTER_SPRING_SECURITY + 2, "/engine-rest/*", "/camunda/api/*");
  }

  /**
   * After Spring Security, whose person it reads, and after the CSRF check, since it adds comments
   * and attachments itself; answers before Camunda's REST API would.
   */
  @Bean
  FilterRegistrationBean<TaskRecordsGuard> taskRecordsGuard(ObjectProvider<ProcessEngine> engines, ProblemWriter problems) {
    return register(new TaskRecordsGuard(engines, problems), "OpsFlow task comments and attachments guard",
        AFTER_SPRING_SECURITY + 3, "/engine-rest/*", "/camunda/api/engine/*");
  }

  /** After the webapp authentication, whose person it reads; before Camunda's filter writes the page. */
  @Bean
  FilterRegistrationBean<ReadOnlyCockpit> readOnlyCockpit() {
    return register(new ReadOnlyCockpit(), "OpsFlow read-only Cockpit", AFTER_SPRING_SECURITY + 2, "/camunda/app/*");
  }

  /** After Spring Security, whose person it reads; answers before Camunda's REST API would. */
  @Bean
  FilterRegistrationBean<CockpitTaskCounts> cockpitTaskCounts(ObjectProvider<ProcessEngine> engines) {
    return register(new CockpitTaskCounts(engines), "OpsFlow Cockpit task counts", AFTER_SPRING_SECURITY + 2,
        "/camunda/api/engine/*");
  }

  /** After the CSRF check: a forged request is refused before it counts. */
  @Bean
  FilterRegistrationBean<PasswordChangeThrottle> passwordChangeThrottle(SignInThrottle throttle, ProblemWriter problems) {
    return register(new PasswordChangeThrottle(throttle, problems), "OpsFlow password change throttle",
        AFTER_SPRING_SECURITY + 3, "/engine-rest/*", "/camunda/api/engine/*");
  }

  /** First of all, so that every cookie set later (sessions, webapps, sign-in) passes through it. */
  @Bean
  FilterRegistrationBean<SecureCookieFilter> secureCookies() {
    return register(new SecureCookieFilter(), "OpsFlow secure cookies", Ordered.HIGHEST_PRECEDENCE + 10, "/*");
  }

  private static <F extends Filter> FilterRegistrationBean<F> register(F filter, String name, int order,
      String... urlPatterns) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(order);
    return registration;
  }
}
