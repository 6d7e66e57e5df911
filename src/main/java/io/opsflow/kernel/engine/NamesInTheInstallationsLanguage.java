package io.opsflow.kernel.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
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

import io.opsflow.kernel.text.Installation;

/**
 * Processes and user tasks named in the installation's language ({@code opsflow.language}) while the
 * models keep their English names for Camunda Modeler: as a model is parsed, its process takes the
 * name from {@link ModelNames} (stored with the definition when it is deployed, so Tasklist's start
 * list and Cockpit show it), and each user task the name its tasks are created with (Tasklist's
 * cards, the task header, the history). A model or task the bundle does not name keeps its own.
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
        names.userTask(processKey, activity.getId()).ifPresent(name -> {
          activity.setProperty("name", name);
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .setNameExpression(Context.getProcessEngineConfiguration().getExpressionManager().createExpression(name));
        });
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
