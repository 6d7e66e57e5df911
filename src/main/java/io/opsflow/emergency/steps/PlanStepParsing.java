package io.opsflow.emergency.steps;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import io.opsflow.emergency.EmergencyPlans;

/**
 * Gives every user task of every emergency plan OpsFlow's step listeners when the plan is
 * deployed, so the authors of new plans in Camunda Modeler need not remember them: the step's
 * documentation is shown on its form (Tasklist shows a task's description only on another tab),
 * and each step's note (or notice to users) lands in the activation's report.
 */
@Component
class PlanStepParsing extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey().startsWith(EmergencyPlans.PLAN_PREFIX)
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, PlanStepParsing::showInstructions);
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, new DelegateExpressionTaskListener(
              Context.getProcessEngineConfiguration().getExpressionManager().createExpression("${planStepCompleted}"),
              List.of()));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private static void showInstructions(DelegateTask task) {
    if (task.getDescription() != null) {
      task.setVariableLocal(PlanVariables.STEP_INSTRUCTIONS, task.getDescription());
    }
  }
}
