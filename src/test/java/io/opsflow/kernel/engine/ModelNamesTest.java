package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Installation;

class ModelNamesTest {

  private static final Path PROCESSES = Path.of("processes");

  @Test
  void everyProcessUserTaskDescriptionAndDecisionHasAnEnglishAndAChineseText() throws IOException {
    Properties chinese = bundle("zh-CN");
    List<String> missing = new ArrayList<>();
    TreeSet<String> named = new TreeSet<>();
    for (Path file : models(".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        check(missing, named, chinese, file, process.getId(), process.getName());
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String key = owner(task).getId() + "." + task.getId();
        check(missing, named, chinese, file, key, task.getName());
        task.getDocumentations().forEach(documentation ->
            check(missing, named, chinese, file, key + ".description", documentation.getTextContent()));
      }
    }

    for (Path file : models(".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      Definitions definitions = model.getDefinitions();
      check(missing, named, chinese, file, definitions.getId(), definitions.getName());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        check(missing, named, chinese, file, decision.getId(), decision.getName());
      }
    }

    assertThat(missing).as("processes, user tasks and decisions without both names").isEmpty();
    assertThat(chinese.stringPropertyNames()).as("names of nothing in the models (a renamed id?)")
        .containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void chineseNamesKeepTheExpressionsOfTheModelsNames() throws IOException {
    Properties chinese = bundle("zh-CN");
    for (Path file : models(".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String key = owner(task).getId() + "." + task.getId();
        assertThat(expressions(chinese.getProperty(key, ""))).as(key).isEqualTo(expressions(task.getName()));
      }
    }
  }

  @Test
  void aChineseInstallationNamesProcessesTasksAndDecisionsFromTheBundleAndKeepsTheModelsNames() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("incident-response").name("Report incident")
        .camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_AcknowledgeTriage").name("Acknowledge & triage").documentation("Claim it.")
        .userTask("Task_Unnamed").name("Not in the bundle").endEvent().done();
    ProcessEngine engine = engine(new Installation("zh-CN", "UTC"));
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("incident-response.bpmn", model)
          .addModelInstance("incident-priority.dmn", Dmn.readModelFromFile(PROCESSES.resolve("incident-priority.dmn")
              .toFile()))
          .deploy();

      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("incident-response")
          .singleResult().getName()).isEqualTo("上报事件");
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("incident-priority")
          .singleResult().getName()).isEqualTo("事件优先级与 SLA 目标");
      assertThat(engine.getRepositoryService().createDecisionRequirementsDefinitionQuery().singleResult().getName())
          .isEqualTo("事件优先级");
      String instance = engine.getRuntimeService().startProcessInstanceByKey("incident-response").getId();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(task.getName()).isEqualTo("确认与分诊");
      assertThat(task.getDescription()).startsWith("认领此任务即确认事件");
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("Task_AcknowledgeTriage")
          .singleResult().getActivityName()).isEqualTo("确认与分诊");
      engine.getTaskService().complete(task.getId());
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getName())
          .isEqualTo("Not in the bundle");
      assertThat(Bpmn.convertToString(engine.getRepositoryService().getBpmnModelInstance(
          engine.getRepositoryService().createProcessDefinitionQuery().singleResult().getId())))
          .contains("name=\"Acknowledge &amp; triage\"", "name=\"Report incident\"");
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(Installation installation) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:model-names-" + installation.language() + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("model-names-" + installation.language());
    configuration.setJobExecutorActivate(false);
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setProcessEnginePlugins(List.of(new NamesInTheInstallationsLanguage(installation)));
    return configuration.buildProcessEngine();
  }

  private static void check(List<String> missing, TreeSet<String> named, Properties chinese, Path file, String key,
      String english) {
    named.add(key);
    if (english == null || english.isBlank() || chinese.getProperty(key, "").isBlank()) {
      missing.add(file.getFileName() + ": " + key + " (English: " + english + ", Chinese: " + chinese.getProperty(key)
          + ")");
    }
  }

  private static Process owner(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static List<String> expressions(String name) {
    return java.util.regex.Pattern.compile("\\$\\{[^}]*}").matcher(name).results().map(r -> r.group()).toList();
  }

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(PROCESSES.resolve("names." + language + ".properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  private static List<Path> models(String extension) throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    }
  }
}
