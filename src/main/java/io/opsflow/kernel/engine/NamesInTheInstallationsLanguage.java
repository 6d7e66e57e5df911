package io.opsflow.kernel.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionRequirementsGraphImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Installation;

/**
 * Processes and user tasks named in the installation's language ({@code opsflow.language}) while the
 * models keep their English names for Camunda Modeler: as a model is parsed, its process takes the
 * name from {@link ModelNames} (stored with the definition when it is deployed, so Tasklist's start
 * list and Cockpit show it), and each user task the name and description (its documentation) its
 * tasks are created with (Tasklist's cards, the task header, the history, the description tab; an
 * emergency plan's step shows its description on the form); decisions and their files (decision requirements) are named
 * likewise for Cockpit. A model, task or decision the bundle does not name keeps its own.
 * <p>
 * Task names follow the language from the next start on, also for running instances; process names
 * are stored with a deployment, and a change of language deploys the models again with it (the forms
 * change, see {@link FormsInTheInstallationsLanguage}). Tasks created before keep the name they had.
 */
@Component
class NamesInTheInstallationsLanguage extends AbstractProcessEnginePlugin {

  private final ModelNames names;

  NamesInTheInstallationsLanguage(Installation installation) {
    this.names = ModelNames.of(installation.language());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        names.process(processDefinition.getKey()).ifPresent(processDefinition::setName);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        ExpressionManager expressions = Context.getProcessEngineConfiguration().getExpressionManager();
        names.userTask(processKey, activity.getId()).ifPresent(name -> {
          activity.setProperty("name", name);
          task.setNameExpression(expressions.createExpression(name));
        });
        names.description(processKey, activity.getId())
            .ifPresent(description -> task.setDescriptionExpression(expressions.createExpression(description)));
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The decision engine exists from here on; no decision is deployed yet. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new DecisionNames());
  }

  private final class DecisionNames implements DmnTransformListener {

    @Override
    public void transformDecision(Decision element, DmnDecision decision) {
      names.decision(decision.getKey()).ifPresent(((DmnDecisionImpl) decision)::setName);
    }

    @Override
    public void transformDecisionRequirementsGraph(Definitions element, DmnDecisionRequirementsGraph graph) {
      names.decision(graph.getKey()).ifPresent(((DmnDecisionRequirementsGraphImpl) graph)::setName);
    }

    @Override
    public void transformDecisionTableInput(Input element, DmnDecisionTableInputImpl input) {
      // the table's columns keep the model's labels, as its rules do
    }

    @Override
    public void transformDecisionTableOutput(Output element, DmnDecisionTableOutputImpl output) {
      // as the inputs
    }

    @Override
    public void transformDecisionTableRule(Rule element, DmnDecisionTableRuleImpl rule) {
      // as the inputs
    }
  }
}
