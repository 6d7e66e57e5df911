package io.opsflow.security.camunda;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import io.opsflow.security.Groups;
import io.opsflow.security.signin.SignInThrottle;

/**
 * Camunda's database identity provider, with two differences:
 * <ul>
 * <li>{@code camunda-admin} never loses its last member. With no member left, Camunda CE's setup
 * endpoint would let anyone create an administrator; OpsFlow blocks that endpoint too, but the
 * rule is kept where the data changes.</li>
 * <li>Camunda's own lock-out is off: it delays an account after each wrong password and locks it
 * for good after a few, so anyone could lock anyone out, the administrator included. OpsFlow's
 * {@link SignInThrottle} limits guessing instead, with temporary locks only.</li>
 * </ul>
 */
public class OpsFlowIdentityProvider extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // counted by SignInThrottle instead
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    refuseIfLastAdministrator(userId);
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    if (Groups.ADMIN.equals(groupId)) {
      refuseIfLastAdministrator(userId);
    }
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    if (Groups.ADMIN.equals(groupId)) {
      throw new BadUserRequestException("The group '" + Groups.ADMIN + "' cannot be deleted: OpsFlow needs an administrator.");
    }
    return super.deleteGroup(groupId);
  }

  private void refuseIfLastAdministrator(String userId) {
    long administrators = Context.getCommandContext().runWithoutAuthorization(
        () -> new DbUserQueryImpl().memberOfGroup(Groups.ADMIN).count());
    long thisOne = Context.getCommandContext().runWithoutAuthorization(
        () -> new DbUserQueryImpl().memberOfGroup(Groups.ADMIN).userId(userId).count());
    if (thisOne > 0 && administrators <= 1) {
      throw new BadUserRequestException("'" + userId + "' is the last member of '" + Groups.ADMIN
          + "'; add another administrator first.");
    }
  }
}
