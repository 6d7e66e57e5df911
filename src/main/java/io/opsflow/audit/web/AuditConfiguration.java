package io.opsflow.audit.web;

import static io.opsflow.security.ApiAccessRules.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.opsflow.security.ApiAccessRules;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** Only managers and administrators read the audit trail. */
  @Bean
  static ApiAccessRules auditAccessRules() {
    return api -> api.requestMatchers(path(HttpMethod.GET, "/api/audit"))
        .hasAnyAuthority(Authorities.group(Groups.MANAGER), Authorities.group(Groups.ADMIN));
  }
}
