package io.opsflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Idempotent Camunda grants: adds permissions to a group's grant, creating it if needed, or takes
 * them away, deleting a grant that is left with none.
 */
public final class Grants {

  private Grants() {
  }

  public static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    List<Authorization> existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).list();
    Authorization authorization = existing.isEmpty() ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT) : existing.get(0);
    boolean changed = existing.isEmpty();
    for (Permission permission : permissions) {
      if (changed || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorizations.saveAuthorization(authorization);
    }
  }

  public static void revoke(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    for (Authorization authorization : authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).list()) {
      boolean held = false;
      for (Permission permission : permissions) {
        if (authorization.isPermissionGranted(permission)) {
          authorization.removePermission(permission);
          held = true;
        }
      }
      if (!held) {
        continue;
      }
      if (((AuthorizationEntity) authorization).getPermissions() == Permissions.NONE.getValue()) {
        authorizations.deleteAuthorization(authorization.getId());
      } else {
        authorizations.saveAuthorization(authorization);
      }
    }
  }
}
