package io.opsflow.apidocs;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * Who may call an {@code /api} operation, asked of the security rules that decide it (the
 * {@code ApiAccessRules} of every module), so the description can never name other groups than
 * those the server lets through. A caller is a person in one group, or a service account of one.
 */
@Component
class WhoMayCall {

  /** The groups allowed to call one operation. */
  record Callers(boolean everyPerson, List<String> people, List<String> serviceAccounts) {

    List<String> groups() {
      return Stream.concat(people.stream(), serviceAccounts.stream()).toList();
    }

    String describe() {
      String persons = everyPerson ? "every signed-in person (any group)"
          : people.isEmpty() ? null : "people in " + quoted(people);
      String accounts = serviceAccounts.isEmpty() ? null : "service accounts of " + quoted(serviceAccounts);
      if (persons == null && accounts == null) {
        return "nobody";
      }
      return persons == null ? accounts : accounts == null ? persons : persons + "; " + accounts;
    }

    private static String quoted(List<String> groups) {
      return String.join(", ", groups.stream().map(group -> "`" + group + "`").toList());
    }
  }

  private final AuthorizationManager<HttpServletRequest> rules;

  WhoMayCall(List<SecurityFilterChain> chains) {
    HttpServletRequest probe = request("GET", "/api/");
    SecurityFilterChain api = chains.stream().filter(chain -> chain.matches(probe)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No security filter chain serves /api"));
    this.rules = api.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
        .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager()).findFirst()
        .orElseThrow(() -> new IllegalStateException("The /api security filter chain authorizes no request"));
  }

  /** @param pathTemplate as in the description, e.g. {@code /api/services/{key}} */
  Callers of(String method, String pathTemplate) {
    HttpServletRequest request = request(method, pathTemplate.replaceAll("\\{[^/}]+}", "x"));
    List<String> people = new ArrayList<>();
    for (String group : Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMIN)).toList()) {
      if (allowed(request, Authorities.PERSON, group)) {
        people.add(group);
      }
    }
    List<String> accounts = Groups.SERVICE_ACCOUNT_GROUPS.stream()
        .filter(group -> allowed(request, Authorities.SERVICE_ACCOUNT, group)).toList();
    return new Callers(allowed(request, Authorities.PERSON, null), people, accounts);
  }

  private boolean allowed(HttpServletRequest request, String kind, String group) {
    List<SimpleGrantedAuthority> authorities = group == null ? List.of(new SimpleGrantedAuthority(kind))
        : List.of(new SimpleGrantedAuthority(kind), new SimpleGrantedAuthority(Authorities.group(group)));
    Authentication caller = UsernamePasswordAuthenticationToken.authenticated("apidocs", null, authorities);
    AuthorizationResult result = rules.authorize(() -> caller, request);
    return result != null && result.isGranted();
  }

  /**
   * The little of a request that path rules read. Anything else a rule asks fails loudly, rather
   * than the description guessing.
   */
  static HttpServletRequest request(String method, String path) {
    Map<String, Object> attributes = new HashMap<>();
    HttpServletMapping mapping = new HttpServletMapping() {
      @Override
      public String getMatchValue() {
        return "";
      }

      @Override
      public String getPattern() {
        return "/";
      }

      @Override
      public String getServletName() {
        return "dispatcherServlet";
      }

      @Override
      public MappingMatch getMappingMatch() {
        return MappingMatch.DEFAULT;
      }
    };
    return (HttpServletRequest) Proxy.newProxyInstance(WhoMayCall.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
          case "getMethod" -> method;
          case "getRequestURI", "getServletPath" -> path;
          case "getContextPath" -> "";
          case "getPathInfo", "getQueryString" -> null;
          case "getHttpServletMapping" -> mapping;
          case "getDispatcherType" -> DispatcherType.REQUEST;
          case "getAttribute" -> attributes.get((String) args[0]);
          case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
          case "setAttribute" -> {
            attributes.put((String) args[0], args[1]);
            yield null;
          }
          case "removeAttribute" -> {
            attributes.remove((String) args[0]);
            yield null;
          }
          case "toString" -> method + " " + path;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(
              "The description of " + method + " " + path + " cannot answer " + called.getName() + "()");
        });
  }
}
