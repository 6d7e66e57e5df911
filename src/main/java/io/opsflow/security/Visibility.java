package io.opsflow.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read what. Incidents and changes are open to all staff, except restricted items:
 * incidents of a restricted category ({@code security}) and everything started from them (their
 * emergency-plan activations and their retrospective). Only {@code ops}, {@code manager} and
 * {@code security} read those; {@code camunda-admin} reads everything, as an administrator can
 * grant itself anything anyway.
 * <p>
 * The rule is one named service rather than a decision table because it is enforced on four
 * surfaces that must agree: the OpsFlow API, Camunda's grants per process instance, task routing
 * and the audit trail. Changing it means moving grants on running instances, which editing a
 * table would not do.
 */
@Component
public class Visibility {

  /** The process variable restrictable processes route their tasks by: {@code ${restricted ? ...}}. */
  public static final String VARIABLE = "restricted";
  /** Incident categories whose incidents are restricted. */
  public static final Set<String> RESTRICTED_CATEGORIES = Set.of("security");
  /** The groups that read restricted items. */
  public static final List<String> RESTRICTED_READERS =
      List.of(Groups.OPS, Groups.MANAGER, Groups.SECURITY, Groups.ADMIN);
  /** Staff who read only what is not restricted: they get a grant per process instance. */
  static final List<String> OPEN_ITEM_READERS =
      Groups.STAFF.stream().filter(group -> !RESTRICTED_READERS.contains(group)).toList();

  private final ProcessEngineConfigurationImpl engine;
  private final ObjectProvider<RestrictedSubjects> modules;
  private final Directory directory;

  Visibility(ProcessEngineConfigurationImpl engine, ObjectProvider<RestrictedSubjects> modules, Directory directory) {
    this.engine = engine;
    this.modules = modules;
    this.directory = directory;
  }

  public boolean restricts(String category) {
    return category != null && RESTRICTED_CATEGORIES.contains(category);
  }

  /** Whether the caller of an API request reads restricted items. */
  public boolean seesRestricted(Authentication caller) {
    return caller != null && caller.isAuthenticated() && seesRestricted(Authorities.groupsOf(caller));
  }

  public boolean seesRestricted(Collection<String> groups) {
    return groups.stream().anyMatch(RESTRICTED_READERS::contains);
  }

  /** The business keys among these that name restricted items, as the owning modules say. */
  public Set<String> restrictedAmong(Collection<String> businessKeys) {
    Set<String> restricted = new HashSet<>();
    if (!businessKeys.isEmpty()) {
      modules.orderedStream().forEach(module -> restricted.addAll(module.restrictedAmong(businessKeys)));
    }
    return restricted;
  }

  /**
   * Makes Camunda agree with the rule for one process instance: its variable {@link #VARIABLE}
   * routes the tasks still to come; an open instance is readable by every member of staff (a grant
   * on the instance for those without a grant on the whole process); a restricted one only by
   * those who read restricted items, and its open tasks leave everyone else: their candidate
   * groups give way to {@code security}, their assignee lets go. Runs as OpsFlow itself, so the
   * person whose action caused it needs no right to change grants, and Camunda's operation log
   * does not record it as theirs.
   */
  public void apply(String processInstanceId, boolean restricted) {
    asOpsFlow(services -> {
      if (!Boolean.valueOf(restricted).equals(services.getRuntimeService().getVariable(processInstanceId, VARIABLE))) {
        services.getRuntimeService().setVariable(processInstanceId, VARIABLE, restricted);
      }
      for (String group : OPEN_ITEM_READERS) {
        if (restricted) {
          Grants.revoke(services.getAuthorizationService(), group, Resources.PROCESS_INSTANCE, processInstanceId,
              Permissions.READ);
        } else {
          Grants.grant(services.getAuthorizationService(), group, Resources.PROCESS_INSTANCE, processInstanceId,
              Permissions.READ);
        }
      }
      if (restricted) {
        services.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
            .filter(task -> !beingCompleted(task))
            .forEach(task -> keepToRestrictedReaders(services.getTaskService(), task));
      }
    });
  }

  /** Sets a process variable as OpsFlow itself: facts that must no longer name what became restricted. */
  public void setVariable(String processInstanceId, String name, Object value) {
    asOpsFlow(services -> services.getRuntimeService().setVariable(processInstanceId, name, value));
  }

  /**
   * Brings every running instance of the modules' processes in line with the rule; run at each
   * start, it also turns the grants of an installation from before restricted items into these.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void applyToRunningInstances() {
    RuntimeService runtime = engine.getRuntimeService();
    modules.orderedStream().forEach(module -> module.processKeys().forEach(processKey -> {
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list();
      Set<String> restricted = module.restrictedAmong(
          instances.stream().map(ProcessInstance::getBusinessKey).filter(key -> key != null).toList());
      instances.forEach(instance -> apply(instance.getId(),
          instance.getBusinessKey() != null && restricted.contains(instance.getBusinessKey())));
    }));
  }

  /** The task whose completion restricts its process (a triage) ends as it is. */
  private static boolean beingCompleted(Task task) {
    return task instanceof TaskEntity entity && TaskListener.EVENTNAME_COMPLETE.equals(entity.getEventName());
  }

  private void keepToRestrictedReaders(TaskService tasks, Task task) {
    List<String> refused = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(group -> !RESTRICTED_READERS.contains(group))
        .toList();
    if (!refused.isEmpty()) {
      refused.forEach(group -> tasks.deleteCandidateGroup(task.getId(), group));
      tasks.addCandidateGroup(task.getId(), Groups.SECURITY);
    }
    if (task.getAssignee() != null && !seesRestricted(directory.groupsOf(task.getAssignee()))) {
      tasks.setAssignee(task.getId(), null);
    }
  }

  /**
   * Also without the signed-in person: the task rules (TaskOwnershipRules) would otherwise take
   * the release of a claim here for theirs, and refuse it.
   */
  private void asOpsFlow(Consumer<ProcessEngineConfigurationImpl> work) {
    IdentityService identity = engine.getIdentityService();
    org.camunda.bpm.engine.impl.identity.Authentication person = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      engine.getCommandExecutorTxRequired().execute(context -> {
        boolean logged = context.isUserOperationLogEnabled();
        context.disableUserOperationLog();
        try {
          return context.runWithoutAuthorization(() -> {
            work.accept(engine);
            return null;
          });
        } finally {
          if (logged) {
            context.enableUserOperationLog();
          }
        }
      });
    } finally {
      identity.setAuthentication(person);
    }
  }
}
