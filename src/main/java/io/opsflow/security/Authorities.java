package io.opsflow.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security authorities: one per Camunda group, plus the kind of caller. */
public final class Authorities {

  /** A person signed in with their Camunda password. */
  public static final String PERSON = "PERSON";
  /** A CI or monitoring system signed in with a token. */
  public static final String SERVICE_ACCOUNT = "SERVICE_ACCOUNT";

  private static final String GROUP_PREFIX = "GROUP_";

  private Authorities() {
  }

  public static String group(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  public static List<GrantedAuthority> of(String kind, Collection<String> groupIds) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(kind));
    groupIds.forEach(groupId -> authorities.add(new SimpleGrantedAuthority(group(groupId))));
    return authorities;
  }

  /** The Camunda group ids of an authenticated caller. */
  public static List<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(GROUP_PREFIX))
        .map(authority -> authority.substring(GROUP_PREFIX.length()))
        .toList();
  }

  public static boolean isPerson(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated()
        && authentication.getAuthorities().stream().anyMatch(a -> PERSON.equals(a.getAuthority()));
  }
}
