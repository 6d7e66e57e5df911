package io.opsflow.security.tasks;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskOwnershipRules} on every user task as it is deployed (a built-in listener: it runs
 * before the model's own listeners, so they see the person who really acts), makes its refusals
 * reach the caller as the authorization failures they are, and lets people release their own claim.
 */
@Component
class TaskOwnershipPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener rules = new TaskOwnershipRules();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostBPMNParseListeners(append(configuration.getCustomPostBPMNParseListeners(),
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, rules);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rules);
          }
        }));
    configuration.setCustomPreCommandInterceptorsTxRequired(append(append(
        configuration.getCustomPreCommandInterceptorsTxRequired(), new RefusalsAsAuthorizationFailures()),
        new ReleaseAsClaimForNobody()));
  }

  private static <T> List<T> append(List<T> list, T element) {
    List<T> extended = list == null ? new ArrayList<>() : new ArrayList<>(list);
    extended.add(element);
    return extended;
  }

  /**
   * Tasklist's "unclaim" sets the assignee to nobody, which Camunda allows only to those who may
   * assign tasks: staff could not release their own claim. It is run as a claim for nobody
   * instead, which candidates may do and {@link TaskOwnershipRules} allows for one's own claim only.
   */
  static class ReleaseAsClaimForNobody extends CommandInterceptor {

    private static final Field TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
    private static final Field USER_ID = field(AbstractAddIdentityLinkCmd.class, "userId");

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (command instanceof AssignTaskCmd && read(USER_ID, command) == null) {
        return (T) next.execute(new ClaimTaskCmd((String) read(TASK_ID, command), null));
      }
      return next.execute(command);
    }

    private static Field field(Class<?> type, String name) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name, e);
      }
    }

    private static Object read(Field field, Object command) {
      try {
        return field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The engine wraps whatever a task listener throws in a plain engine exception, which the REST
   * API answers with 500. A refusal is rethrown as itself (403 on both REST surfaces), after the
   * transaction rolled back; so is the engine's own "already claimed by someone else".
   */
  static class RefusalsAsAuthorizationFailures extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (TaskAlreadyClaimedException claimed) {
        throw new TaskActionRefused("The task is already claimed by " + claimed.getTaskAssignee()
            + "; only they can release it.");
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof TaskActionRefused refused) {
            throw refused;
          }
        }
        throw e;
      }
    }
  }
}
