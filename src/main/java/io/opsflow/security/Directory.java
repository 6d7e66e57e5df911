package io.opsflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Read access to Camunda's identity service: who exists and who belongs where. */
@Component
public class Directory {

  private final IdentityService identityService;

  public Directory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Ids match exactly: the database also finds {@code 'dev'} for {@code 'dev '}. */
  public boolean groupExists(String groupId) {
    Group group = groupId == null ? null : identityService.createGroupQuery().groupId(groupId).singleResult();
    return group != null && group.getId().equals(groupId);
  }

  public boolean userExists(String userId) {
    User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
    return user != null && user.getId().equals(userId);
  }

  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  public List<String> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(user -> user.getId())
        .toList();
  }
}
