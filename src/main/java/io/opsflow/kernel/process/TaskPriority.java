package io.opsflow.kernel.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda task priorities, so that Tasklist's "most urgent first" means something: user tasks take
 * theirs from the process variable {@value #VARIABLE} ({@code camunda:priority="${taskPriority}"} in
 * the model, where Modeler shows it). P1 is {@link #HIGHEST}, P4 {@link #LOW}; Camunda's own default is
 * {@link #NORMAL}.
 */
public final class TaskPriority {

  public static final String VARIABLE = "taskPriority";
  public static final int HIGHEST = 100;
  public static final int HIGH = 75;
  public static final int NORMAL = 50;
  public static final int LOW = 25;

  private TaskPriority() {
  }

  /** A deadline that moved with a re-prioritisation: open tasks due at {@code from} are due at {@code to}. */
  public record Deadline(Date from, Date to) {

    boolean of(Task task) {
      return from != null && task.getDueDate() != null && task.getDueDate().getTime() == from.getTime();
    }
  }

  /**
   * A re-prioritisation: the process instance, and every process it called and still waits for (an
   * emergency plan), take the new priority and these variables, and their open tasks move at once,
   * with their due date when it was the deadline that moved.
   */
  public static void follow(ProcessEngineServices engine, String processInstanceId, int priority, Deadline deadline,
      Map<String, Object> variables) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    WithoutAuthorization.run(() -> {
      for (String instance : withCalled(runtime, processInstanceId)) {
        runtime.setVariable(instance, VARIABLE, priority);
        runtime.setVariables(instance, variables);
        for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
          if (task.getPriority() != priority) {
            tasks.setPriority(task.getId(), priority);
          }
          if (deadline.of(task)) {
            Task moved = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            moved.setDueDate(deadline.to());
            tasks.saveTask(moved);
          }
        }
      }
    });
  }

  private static List<String> withCalled(RuntimeService runtime, String processInstanceId) {
    List<String> instances = new ArrayList<>(List.of(processInstanceId));
    for (int next = 0; next < instances.size(); next++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(next)).list().stream()
          .map(ProcessInstance::getId).forEach(instances::add);
    }
    return instances;
  }
}
