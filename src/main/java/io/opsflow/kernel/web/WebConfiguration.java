package io.opsflow.kernel.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** Turns form refusals by OpsFlow's task listeners into 400 answers on both REST surfaces. */
  @Bean
  FilterRegistrationBean<TaskInputProblemFilter> taskInputProblems() {
    var registration = new FilterRegistrationBean<>(new TaskInputProblemFilter());
    registration.setName("OpsFlow task input problems");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
    return registration;
  }

  /** After Spring Security and the engine's authentication, so strangers get 401 before their body is looked at. */
  @Bean
  FilterRegistrationBean<EngineTextLimitFilter> engineTextLimit() {
    var registration = new FilterRegistrationBean<>(new EngineTextLimitFilter());
    registration.setName("OpsFlow engine text limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** Pages the webapps' unpaged list reads at the engine's own limit (read when used: the engine sets it up after the filters), so that Cockpit's pages work within it. */
  @Bean
  FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(ProcessEngineConfigurationImpl engine) {
    var registration = new FilterRegistrationBean<>(new WebappQueryPaging(engine::getQueryMaxResultsLimit));
    registration.setName("OpsFlow webapp query paging");
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** After Spring Security, so strangers get 401 before their body is looked at. */
  @Bean
  FilterRegistrationBean<ApiBodyFilter> apiBodyFilter(@Value("${opsflow.api.max-body-size:1MB}") DataSize limit,
      List<ApiBodyLimit> limits, ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new ApiBodyFilter(limit, limits, problems));
    registration.setName("OpsFlow API body check");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** Problems, not Spring Security's bare 400, for requests its firewall refuses (an encoded '%', ';' or '..'). */
  @Bean
  RequestRejectedHandler requestRejectedProblems(ProblemWriter problems) {
    return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
        rejected.getMessage() + ".");
  }

  /** Problems, not Tomcat's HTML page, for requests Tomcat refuses before OpsFlow sees them. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context ->
        ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiPathKeys()).addPathPatterns("/api/**");
  }
}
