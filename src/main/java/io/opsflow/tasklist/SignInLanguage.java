package io.opsflow.tasklist;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Lets the sign-in listener see the sign-in request (its language cookie and Accept-Language):
 * nothing else binds the request to the thread before Spring Security handles the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
class SignInLanguage {

  @Bean
  FilterRegistrationBean<RequestContextFilter> signInRequestContext() {
    var registration = new FilterRegistrationBean<>(new RequestContextFilter());
    registration.setName("OpsFlow sign-in request context");
    registration.addUrlPatterns("/login");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }
}
