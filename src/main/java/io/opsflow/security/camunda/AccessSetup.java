package io.opsflow.security.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Installation;
import io.opsflow.security.Grants;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.security.web.AdminProperties;

/**
 * Sets up who may do what in Camunda, at every start and before the first request: OpsFlow's
 * groups, the administrator, and the grants each group needs. Everything here is idempotent, so
 * a restart changes nothing that is already right. Task visibility is not granted here: the
 * engine grants each candidate group read and work rights on its own tasks only.
 */
@Component
class AccessSetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

  /** Each group's name in English and in Chinese, given at its creation in the installation's language. */
  private static final Map<String, List<String>> GROUP_NAMES = Map.ofEntries(
      Map.entry(Groups.OPS, List.of("Operations", "运维")),
      Map.entry(Groups.DEV, List.of("Development", "开发")),
      Map.entry(Groups.QA, List.of("Quality assurance", "测试")),
      Map.entry(Groups.MANAGER, List.of("Managers", "经理")),
      Map.entry(Groups.SECURITY, List.of("Security team", "安全团队")),
      Map.entry(Groups.ADMIN, List.of("OpsFlow administrators", "OpsFlow 管理员")),
      Map.entry(Groups.CI, List.of("CI pipelines (service accounts)", "CI 流水线（服务账号）")),
      Map.entry(Groups.MONITORING, List.of("Monitoring (service accounts)", "监控（服务账号）")),
      Map.entry(Groups.FEEDBACK, List.of("Feedback sources (service accounts)", "反馈来源（服务账号）")),
      Map.entry(Groups.ANALYTICS, List.of("Analytics jobs sending usage facts (service accounts)",
          "发送使用数据的分析任务（服务账号）")));

  private final AdminProperties admin;
  private final List<ProcessParticipants> participants;
  private final Installation installation;

  AccessSetup(AdminProperties admin, List<ProcessParticipants> participants, Installation installation) {
    this.admin = admin;
    this.participants = participants;
    this.installation = installation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SessionFactory identityProvider = new GenericManagerFactory(OpsFlowIdentityProvider.class);
    configuration.setIdentityProviderSessionFactory(identityProvider);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    GROUP_NAMES.forEach((id, names) -> ensureGroup(identity, id, installation.say(names.get(0), names.get(1))));

    for (Resource resource : Resources.values()) {
      // all filters would put everyone's personal "My tasks" into the administrator's Tasklist
      Permission permission = resource == Resources.FILTER ? Permissions.CREATE : Permissions.ALL;
      grant(authorizations, Groups.ADMIN, resource, ANY, permission);
    }
    ensureAdministrator(identity);

    for (String staff : Groups.STAFF) {
      grant(authorizations, staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // names of people, groups and processes shown next to each task
      grant(authorizations, staff, Resources.USER, ANY, Permissions.READ);
      grant(authorizations, staff, Resources.GROUP, ANY, Permissions.READ);
      grant(authorizations, staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    grantCockpitReading(authorizations, Groups.MANAGER);
    participants.forEach(process -> process.grant(authorizations));
  }

  /**
   * Managers watch everything in Cockpit but change nothing there, and see no one else's tasks (Tasklist's
   * group filter relies on it); Cockpit's task counts come from CockpitTaskCounts.
   */
  private static void grantCockpitReading(AuthorizationService authorizations, String group) {
    grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(authorizations, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void ensureAdministrator(IdentityService identity) {
    String userId = admin.user();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setFirstName("OpsFlow");
      user.setLastName("Administrator");
      user.setPassword(admin.password());
      identity.saveUser(user);
      log.info("Created the administrator '{}'", userId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMIN).count() == 0) {
      identity.createMembership(userId, Groups.ADMIN);
    }
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    boolean system = id.equals(Groups.ADMIN)
        || Groups.SERVICE_ACCOUNT_GROUPS.contains(id);
    group.setType(system ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
        : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    identity.saveGroup(group);
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Grants.grant(authorizations, groupId, resource, resourceId, permissions);
  }
}
