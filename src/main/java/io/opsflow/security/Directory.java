package io.opsflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Read access to Camunda's identity service: who exists and who belongs where. */
@Component
public class Directory {

  private final IdentityService identityService;

  public Directory(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean groupExists(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).count() > 0;
  }

  public boolean userExists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
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
