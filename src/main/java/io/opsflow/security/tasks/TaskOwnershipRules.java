package io.opsflow.security.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;

import io.opsflow.kernel.process.TaskActor;

/**
 * Who may take, hand on and complete a task, whatever surface the request came through (Tasklist,
 * {@code /engine-rest}, a form submit or the Java API). Runs inside the engine on every user task
 * of every process ({@link TaskOwnershipPlugin} adds it when a model is deployed), on the events
 * "update" and "complete":
 * <ul>
 * <li>a person claims and releases a task only for themselves;</li>
 * <li>giving a task to someone else (claim, assign, delegate, owner) needs the right to assign
 * tasks ({@code TASK_ASSIGN}, which staff do not hold), and only to a candidate of the task;</li>
 * <li>a task claimed by someone else cannot be completed; an unclaimed task is assigned to the
 * person completing it, so its history shows who did it.</li>
 * </ul>
 * The engine acting on its own (timers, assignments as a task is created) is not a person and is
 * not checked.
 */
class TaskOwnershipRules implements TaskListener {

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    String person = TaskActor.authenticated().orElse(null);
    if (person == null) {
      return;
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completing(task, person);
    } else if (EVENTNAME_UPDATE.equals(task.getEventName()) && !createdInThisCommand(task)) {
      Map<String, PropertyChange> changes = task.getPropertyChanges();
      PropertyChange assignee = changes.get(TaskEntity.ASSIGNEE);
      if (assignee != null) {
        assigning(task, person, (String) assignee.getOrgValue(), (String) assignee.getNewValue());
      }
      PropertyChange owner = changes.get(TaskEntity.OWNER);
      if (owner != null) {
        owning(task, person, (String) owner.getNewValue(), assignee == null ? task.getAssignee() : (String) assignee.getOrgValue());
      }
    }
  }

  private static void completing(TaskEntity task, String person) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      task.setAssignee(person);
    } else if (!assignee.equals(person)) {
      throw new TaskActionRefused(name(task) + " is claimed by " + assignee + ", so only " + assignee
          + " can complete it. Ask them to release it, or an administrator to assign it to you.");
    }
  }

  private static void assigning(TaskEntity task, String person, String from, String to) {
    if (person.equals(to) || to == null && person.equals(from) || returnedToOwner(task, person, from, to)) {
      return;
    }
    if (to == null) {
      requireAssignRight(task, person, "release " + from + "'s claim on " + name(task));
      return;
    }
    requireAssignRight(task, person, "give " + name(task) + " to " + to + "; people claim tasks only for themselves");
    requireCandidate(task, to);
  }

  /** The delegate of a task resolves it: it goes back to its owner. */
  private static boolean returnedToOwner(TaskEntity task, String person, String from, String to) {
    return task.getDelegationState() == DelegationState.RESOLVED && person.equals(from)
        && Objects.equals(to, task.getOwner());
  }

  /** Delegating makes the person who had the task its owner; any other owner is a hand-over. */
  private static void owning(TaskEntity task, String person, String to, String previousAssignee) {
    if (to == null || to.equals(person)) {
      return;
    }
    requireAssignRight(task, person, "make " + to + " the owner of " + name(task));
    if (!to.equals(previousAssignee)) {
      requireCandidate(task, to);
    }
  }

  /** The engine's own rule for assigning (TASK_ASSIGN or UPDATE on the task or its process), checked for the person. */
  private static void requireAssignRight(TaskEntity task, String person, String action) {
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    // listeners run with authorization checks off; this one is made on the person's behalf
    context.enableAuthorizationCheck();
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskAssign(task);
      }
    } catch (AuthorizationException missingRight) {
      throw new TaskActionRefused(person + " may not " + action
          + ". Handing tasks to others needs the right to assign tasks, which only administrators hold.");
    } finally {
      if (!checking) {
        context.disableAuthorizationCheck();
      }
    }
  }

  private static void requireCandidate(TaskEntity task, String userId) {
    List<String> users = task.getCandidates().stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList();
    List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    if (users.contains(userId) || !groups.isEmpty() && Context.getProcessEngineConfiguration().getIdentityService()
        .createGroupQuery().groupMember(userId).groupIdIn(groups.toArray(String[]::new)).count() > 0) {
      return;
    }
    throw new TaskActionRefused(userId + " cannot take " + name(task) + ": only " + (groups.isEmpty() ? "its candidates"
        : "members of " + String.join(", ", groups)) + " can, and " + userId + " is not one of them.");
  }

  private static boolean createdInThisCommand(TaskEntity task) {
    return Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(task);
  }

  private static String name(TaskEntity task) {
    return "the task '" + task.getName() + "'";
  }
}
