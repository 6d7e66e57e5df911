package io.opsflow.security.web;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.kernel.web.ReportFormat;
import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.ServiceAccounts;
import io.opsflow.security.accounts.BearerTokenFilter;
import io.opsflow.security.camunda.WebappCsrfCheck;
import io.opsflow.security.signin.SignInClient;
import io.opsflow.security.signin.SignInForm;
import io.opsflow.security.signin.SignInThrottle;
import io.opsflow.security.signin.SignInThrottled;
import static io.opsflow.security.ApiAccessRules.path;
import static io.opsflow.security.ApiAccessRules.paths;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One identity, two doors. Machines and scripts use {@code /api}, {@code /engine-rest} and the
 * actuator statelessly (HTTP Basic for people, Bearer tokens for service accounts). People use the
 * webapps through a sign-in form and a session, which also reads {@code /api} ({@link SessionReads}: GET and
 * HEAD only, for the dashboard and API links). Only {@code /actuator/health} is open;
 * {@code /actuator/prometheus} is for monitoring service accounts, managers and administrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  private static final String ADMIN = Authorities.group(Groups.ADMIN);
  private static final String MANAGER = Authorities.group(Groups.MANAGER);
  private static final String MONITORING = Authorities.group(Groups.MONITORING);
  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String SIGNED_OUT = "/login?logout";
  /**
   * The OpenAPI description of {@code /api} (io.opsflow.apidocs): served like a webapp page, so
   * that Swagger UI reads it with the session of the person signed in.
   */
  private static final RequestMatcher API_DOCS = new OrRequestMatcher(paths("/v3/api-docs", "/v3/api-docs/**"));
  /**
   * The webapps' own sign-out call; Spring Security ends the whole session on it, when it carries
   * the webapps' CSRF token (so another site cannot sign a person out).
   */
  private static final RequestMatcher WEBAPP_LOGOUT =
      path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

  @Bean
  @Order(1)
  SecurityFilterChain machineChain(HttpSecurity http, ServiceAccounts serviceAccounts, ProblemWriter problems,
      List<ApiAccessRules> apiRules, @Qualifier("requestMappingHandlerMapping") HandlerMapping routes) throws Exception {
    http.securityMatcher(new OrRequestMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(context -> context.securityContextRepository(new SessionReads()))
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.authenticationDetailsSource(SignInClient::of)
            .authenticationEntryPoint(unauthorized(problems, true)))
        .addFilterBefore(new BearerTokenFilter(serviceAccounts, problems), BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(signInFirst(unauthorized(problems, true)))
            .accessDeniedHandler(forbidden(problems)))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll();
          // Prometheus scrapes with a monitoring token; managers may look at what it sees
          requests.requestMatchers(paths("/actuator/prometheus")).hasAnyAuthority(MONITORING, MANAGER, ADMIN);
          requests.requestMatchers(paths("/actuator/**")).hasAuthority(ADMIN);
          // a password oracle for anyone's account: people sign in, nobody tests passwords
          requests.requestMatchers(paths("/engine-rest/identity/verify", "/engine-rest/engine/*/identity/verify")).denyAll();
          // ends a task without completing it, past every rule of who completes it (and into any catching boundary)
          requests.requestMatchers(paths("/engine-rest/task/*/bpmnError", "/engine-rest/task/*/bpmnEscalation",
              "/engine-rest/engine/*/task/*/bpmnError", "/engine-rest/engine/*/task/*/bpmnEscalation")).denyAll();
          requests.requestMatchers(paths("/engine-rest/**")).hasAuthority(Authorities.PERSON);
          requests.requestMatchers(paths("/api/service-accounts", "/api/service-accounts/**")).hasAuthority(ADMIN);
          apiRules.forEach(rules -> rules.configure(requests));
          // a path no route answers is not found, for whoever signed in; a route no rule names stays refused
          requests.requestMatchers(new AndRequestMatcher(path("/api/**"), new UnknownRoute(routes))).authenticated();
          requests.anyRequest().denyAll();
        });
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http, ServiceAccounts serviceAccounts, ProblemWriter problems,
      SignInThrottle throttle) throws Exception {
    RequestMatcher webappApi = path("/camunda/api/**");
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    requestCache.setRequestMatcher(new AndRequestMatcher(
        path(HttpMethod.GET, "/**"), new NegatedRequestMatcher(webappApi)));

    http.csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .requestCache(cache -> cache.requestCache(requestCache))
        .httpBasic(basic -> basic.authenticationDetailsSource(SignInClient::of)
            .authenticationEntryPoint(unauthorized(problems, false)))
        .addFilterBefore(new BearerTokenFilter(serviceAccounts, problems), BasicAuthenticationFilter.class)
        // OpsFlow's own page (SignInPage) speaks the webapps' languages; Spring's generated one only English
        .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(SignInClient::of)
            .successHandler(SignInForm.succeeded(throttle, TASKLIST))
            // the handler sends a wrong password to WRONG_PASSWORD and answers paused sign-ins itself
            .failureHandler(SignInForm.failed(problems))
            .permitAll())
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(
                path(HttpMethod.POST, "/logout"),
                new AndRequestMatcher(WEBAPP_LOGOUT, WebappCsrfCheck::carriesToken)))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (WEBAPP_LOGOUT.matches(request)) {
                response.setStatus(HttpStatus.OK.value());
              } else {
                response.sendRedirect(request.getContextPath() + SIGNED_OUT);
              }
            }));
    http.exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(unauthorized(problems, false), webappApi)
            .defaultAuthenticationEntryPointFor(unauthorized(problems, true), API_DOCS)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), path("/**"))
            .accessDeniedHandler(forbidden(problems)))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/login", "/error", "/favicon.ico")).permitAll()
            // CE-only hole: the setup endpoint creates an administrator whenever camunda-admin has no member
            .requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
            // password oracles: the webapps' own login (OpsFlow signs people in at /login) and identity/verify
            .requestMatchers(paths("/camunda/api/admin/auth/user/*/login/**", "/camunda/api/engine/engine/*/identity/verify"))
            .denyAll()
            .requestMatchers(paths("/camunda/api/engine/engine/*/task/*/bpmnError", "/camunda/api/engine/engine/*/task/*/bpmnEscalation"))
            .denyAll()
            .requestMatchers(paths("/camunda/api/admin/auth/**")).hasAuthority(Authorities.PERSON)
            .requestMatchers(paths("/camunda/app/admin/**", "/camunda/api/admin/**")).hasAuthority(ADMIN)
            .requestMatchers(paths("/camunda/app/cockpit/**", "/camunda/api/cockpit/**")).hasAnyAuthority(MANAGER, ADMIN)
            // integrators' pipelines generate clients from the description; Swagger UI is for people
            .requestMatchers(API_DOCS).hasAnyAuthority(Authorities.PERSON, Authorities.SERVICE_ACCOUNT)
            .anyRequest().hasAuthority(Authorities.PERSON));
    return http.build();
  }

  private static AuthenticationEntryPoint unauthorized(ProblemWriter problems, boolean basicChallenge) {
    return (request, response, exception) -> {
      if (exception instanceof SignInThrottled throttled) {
        throttled.answer(problems, request, response);
        return;
      }
      // No challenge for the webapps' and the dashboard's XHR calls: a browser would pop up its own password dialog.
      if (basicChallenge && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"OpsFlow\", charset=\"UTF-8\"");
      }
      problems.write(response, HttpStatus.UNAUTHORIZED,
          "Sign in first: people use HTTP Basic with their OpsFlow user, service accounts a Bearer token.");
    };
  }

  /**
   * A person's browser following an API link (a report) without a session goes to the sign-in page and
   * comes back after it, instead of meeting the browser's own password prompt; scripts, XHR and callers
   * who sent credentials get the problem answer.
   */
  private static AuthenticationEntryPoint signInFirst(AuthenticationEntryPoint api) {
    HttpSessionRequestCache afterSignIn = new HttpSessionRequestCache();
    // back to the report's own address, without the "?continue" marker the webapps' request cache looks for
    afterSignIn.setMatchingRequestParameterName(null);
    RequestMatcher pageReads = path(HttpMethod.GET, "/api/**");
    return (request, response, exception) -> {
      if (pageReads.matches(request) && browserPage(request) && !(exception instanceof SignInThrottled)) {
        afterSignIn.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + "/login");
      } else {
        api.commence(request, response, exception);
      }
    };
  }

  private static boolean browserPage(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      return false;
    }
    try {
      return ReportFormat.wanted(request.getHeader(HttpHeaders.ACCEPT), ReportFormat.JSON) == ReportFormat.HTML;
    } catch (HttpMediaTypeNotAcceptableException notForPeople) {
      return false;
    }
  }

  private static AccessDeniedHandler forbidden(ProblemWriter problems) {
    return (request, response, exception) -> problems.write(request, response, HttpStatus.FORBIDDEN,
        "Your account may not use " + request.getMethod() + " " + request.getRequestURI()
            + ". Ask an OpsFlow administrator if your groups should allow it.");
  }
}
