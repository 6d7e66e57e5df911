package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.test.util.ReflectionTestUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import io.opsflow.kernel.text.Installation;

class ModelNamesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  /** Named, but not drawn and not read by people: what a model throws and catches by name. */
  private static final Set<String> NAMED_BY_CONTRACT = Set.of("message", "error", "escalation", "signal");

  @Test
  void everyTextOfTheModelsHasAChineseOneAndEveryChineseOneATextOfTheModels() throws IOException {
    Properties chinese = bundle("zh-CN");
    List<String> missing = new ArrayList<>();
    Map<String, String> texts = texts();
    texts.forEach((key, english) -> {
      if (chinese.getProperty(key, "").isBlank()) {
        missing.add(key + " (English: " + english + ")");
      }
    });

    assertThat(texts).as("texts of the models").hasSizeGreaterThan(400);
    assertThat(missing).as("texts of the models without a Chinese one").isEmpty();
    assertThat(chinese.stringPropertyNames()).as("Chinese texts of nothing in the models (a renamed id?)")
        .containsExactlyInAnyOrderElementsOf(texts.keySet());
  }

  @Test
  void chineseTextsKeepTheExpressionsOfTheModelsTexts() throws IOException {
    Properties chinese = bundle("zh-CN");
    texts().forEach((key, english) -> assertThat(expressions(chinese.getProperty(key, ""))).as(key)
        .isEqualTo(expressions(english)));
  }

  /**
   * Read as XML, not through {@link ModelNames}: whatever a translated model shows people is Chinese
   * (expressions, priority codes and units aside), and nothing else of it changed: the same elements,
   * ids, keys, expressions, message and error names, diagram.
   */
  @Test
  void aTranslatedModelSaysEverythingInChineseAndDoesWhatTheEnglishOneDoes() throws IOException {
    ModelNames chinese = ModelNames.of("zh-CN");
    List<String> english = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Path file : models()) {
      byte[] model = Files.readAllBytes(file);
      Element original = xml(model);
      Element translated = xml(chinese.translate(model));
      compare(file.getFileName() + ":/" + original.getLocalName(), original, translated, english, changed);
    }

    assertThat(changed).as("changes that are not texts").isEmpty();
    assertThat(english).as("texts still English").isEmpty();
  }

  @Test
  void anEnglishInstallationDeploysTheModelsAsTheyAre() throws IOException {
    byte[] model = Files.readAllBytes(PROCESSES.resolve("incident-response.bpmn"));

    assertThat(ModelNames.of("en").translate(model)).isSameAs(model);
    assertThat(deployedModels("en")).noneMatch(resource -> resource instanceof ContextResource);
  }

  @Test
  void aChineseInstallationDeploysEveryModelTranslatedUnderItsFileName() throws IOException {
    List<Resource> deployed = deployedModels("zh-CN");

    assertThat(deployed).hasSize(models().size()).allMatch(resource -> resource instanceof ContextResource named
        && named.getPathWithinContext().equals("processes/" + named.getFilename()));
    Resource incidents = deployed.stream().filter(resource -> "incident-response.bpmn".equals(resource.getFilename()))
        .findFirst().orElseThrow();
    assertThat(new String(incidents.getContentAsByteArray(), StandardCharsets.UTF_8))
        .contains("id=\"incident-response\"", "name=\"上报事件\"", "name=\"确认与分诊\"", "name=\"事件已上报\"")
        .doesNotContain("name=\"Incident reported\"", "name=\"Acknowledge &");
  }

  /**
   * The engine takes its names from the model it is given: process, tasks (and their descriptions and
   * history), decisions and decision requirements in Chinese; deployed again in the same language, the
   * model is found as it was (no new version); in another language it is a new version.
   */
  @Test
  void theEngineNamesEverythingFromTheTranslatedModelAndAChangeOfLanguageIsANewVersion() throws IOException {
    ModelNames chinese = ModelNames.of("zh-CN");
    BpmnModelInstance model = Bpmn.createExecutableProcess("incident-response").name("Report incident")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_IncidentReported").name("Incident reported")
        .userTask("Task_AcknowledgeTriage").name("Acknowledge & triage").documentation("Claim it.")
        .userTask("Task_Unnamed").name("Not in the bundle").endEvent().done();
    byte[] english = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    byte[] decisions = Files.readAllBytes(PROCESSES.resolve("incident-priority.dmn"));
    ProcessEngine engine = engine();
    try {
      RepositoryService repository = engine.getRepositoryService();
      deploy(repository, chinese.translate(english),
          chinese.translate(decisions));

      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").singleResult()
          .getName()).isEqualTo("上报事件");
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("incident-priority").singleResult()
          .getName()).isEqualTo("事件优先级与 SLA 目标");
      assertThat(repository.createDecisionRequirementsDefinitionQuery().singleResult().getName()).isEqualTo("事件优先级");
      String instance = engine.getRuntimeService().startProcessInstanceByKey("incident-response").getId();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(task.getName()).isEqualTo("确认与分诊");
      assertThat(task.getDescription()).startsWith("认领此任务即确认事件");
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("StartEvent_IncidentReported")
          .singleResult().getActivityName()).isEqualTo("事件已上报");
      engine.getTaskService().complete(task.getId());
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getName())
          .as("a text the bundle lacks stays as the model has it").isEqualTo("Not in the bundle");

      deploy(repository, chinese.translate(english),
          chinese.translate(decisions));
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").count())
          .as("the same language again").isEqualTo(1);
      deploy(repository, english, decisions);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").latestVersion()
          .singleResult()).as("back to English").satisfies(definition -> {
            assertThat(definition.getVersion()).isEqualTo(2);
            assertThat(definition.getName()).isEqualTo("Report incident");
          });
    } finally {
      engine.close();
    }
  }

  private static void deploy(RepositoryService repository, byte[] process, byte[] decisions) {
    repository.createDeployment().name("SpringAutoDeployment").enableDuplicateFiltering(false)
        .addInputStream("processes/incident-response.bpmn", new ByteArrayInputStream(process))
        .addInputStream("processes/incident-priority.dmn", new ByteArrayInputStream(decisions)).deploy();
  }

  private static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:model-names;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("model-names");
    configuration.setJobExecutorActivate(false);
    configuration.setDatabaseSchemaUpdate("create-drop");
    return configuration.buildProcessEngine();
  }

  /** Walks both documents together: texts may differ (and must then be Chinese), nothing else. */
  private static void compare(String path, Element original, Element translated, List<String> english,
      List<String> changed) {
    if (!original.getLocalName().equals(translated.getLocalName())) {
      changed.add(path + " became " + translated.getLocalName());
      return;
    }
    NamedNodeMap attributes = original.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      String name = attribute.getNodeName();
      String value = translated.getAttribute(name);
      if (readByPeople(original, name)) {
        if (!chinese(value)) {
          english.add(path + "/@" + name + "=" + value);
        }
      } else if (!attribute.getNodeValue().equals(value) && !name.startsWith("xmlns")) {
        changed.add(path + "/@" + name + ": " + attribute.getNodeValue() + " -> " + value);
      }
    }
    if (attributes(translated) != attributes(original)) {
      changed.add(path + ": " + attributes(original) + " attributes became " + attributes(translated));
    }
    List<Element> originals = children(original);
    List<Element> translations = children(translated);
    if (originals.size() != translations.size()) {
      changed.add(path + ": " + originals.size() + " elements became " + translations.size());
      return;
    }
    String text = translated.getTextContent().strip();
    if (originals.isEmpty() && readByPeople(original)) {
      if (!chinese(text)) {
        english.add(path + ": " + text);
      }
    } else if (originals.isEmpty() && !original.getTextContent().strip().equals(text)) {
      changed.add(path + ": " + original.getTextContent().strip() + " -> " + text);
    }
    for (int i = 0; i < originals.size(); i++) {
      Element child = originals.get(i);
      String id = child.getAttribute("id");
      compare(path + "/" + child.getLocalName() + (id.isEmpty() ? "" : "[" + id + "]"), child, translations.get(i),
          english, changed);
    }
  }

  /**
   * Names and labels of what a diagram or decision table draws; not what a model throws or catches by name
   * (messages, errors), nor a DMN output's name (the variable it writes), nor Camunda's extensions.
   */
  private static boolean readByPeople(Element element, String attribute) {
    String kind = element.getLocalName();
    if (BPMN.equals(element.getNamespaceURI())) {
      return attribute.equals("name") && !NAMED_BY_CONTRACT.contains(kind);
    }
    return DMN.equals(element.getNamespaceURI())
        && (attribute.equals("label") || attribute.equals("name") && !kind.equals("output"));
  }

  /**
   * What a user task asks, a rule's annotation, a text annotation. Other documentation (of service tasks,
   * processes, decisions) is for whoever edits the model, shown by neither Tasklist nor Cockpit: it stays.
   */
  private static boolean readByPeople(Element leaf) {
    String parent = leaf.getParentNode().getLocalName();
    return switch (leaf.getLocalName()) {
      case "documentation" -> parent.equals("userTask");
      case "description" -> parent.equals("rule");
      case "text" -> parent.equals("textAnnotation");
      default -> false;
    };
  }

  private static long attributes(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    return java.util.stream.IntStream.range(0, attributes.getLength())
        .filter(i -> !attributes.item(i).getNodeName().startsWith("xmlns")).count();
  }

  private static boolean chinese(String text) {
    return HAN.matcher(text).find() || text.strip().matches("(\\$\\{[^}]*}|\\s)*");
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  private static Element xml(byte[] model) {
    return ModelNames.parse(model).getDocumentElement();
  }

  /** Every text of every model by its key, with the model's English. */
  private static Map<String, String> texts() throws IOException {
    Map<String, String> texts = new TreeMap<>();
    for (Path file : models()) {
      ModelNames.texts(ModelNames.parse(Files.readAllBytes(file)))
          .forEach(text -> texts.put(text.key(), text.english()));
    }
    return texts;
  }

  private static List<Resource> deployedModels(String language) {
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.setDeploymentResourcePattern(new String[] {"classpath*:processes/**/*.bpmn",
        "classpath*:processes/**/*.dmn"});
    ResourcesInTheInstallationsLanguage deployment = new ResourcesInTheInstallationsLanguage(
        new Installation(language, "UTC"));
    ReflectionTestUtils.setField(deployment, "camundaBpmProperties", properties);
    return List.copyOf(deployment.getDeploymentResources());
  }

  private static List<String> expressions(String text) {
    return EXPRESSION.matcher(text).results().map(match -> match.group()).toList();
  }

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(PROCESSES.resolve("names." + language + ".properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).sorted()
          .toList();
    }
  }
}
