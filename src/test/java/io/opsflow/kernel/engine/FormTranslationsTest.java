package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.test.util.ReflectionTestUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.kernel.text.Installation;

/**
 * The Chinese forms are the English ones with their texts translated: the same components, keys,
 * types, option values, validation, conditions and defaults, so the two cannot drift apart.
 */
class FormTranslationsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path CHINESE = FORMS.resolve("zh-CN");
  /** What people read; everything else is structure. */
  private static final Set<String> TEXTS = Set.of("label", "text", "description", "placeholder");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  /** Links, form variables and expressions in a text, which a translation keeps as they are. */
  private static final Pattern KEPT = Pattern.compile("\\]\\([^)]*\\)|\\{\\{[^}]*}}|\\$\\{[^}]*}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFormHasAChineseTranslationAndNoTranslationLacksItsForm() throws IOException {
    assertThat(names(CHINESE)).isNotEmpty().containsExactlyElementsOf(names(FORMS));
  }

  @Test
  void aChineseFormHasTheStructureOfItsEnglishForm() throws IOException {
    for (String name : names(FORMS)) {
      JsonNode english = JSON.readTree(FORMS.resolve(name).toFile());
      JsonNode chinese = JSON.readTree(CHINESE.resolve(name).toFile());

      assertThat(withoutTexts(chinese)).as(name).isEqualTo(withoutTexts(english));
      assertThat(chinese.path("schemaVersion").asInt(99)).as(name + " schemaVersion").isLessThanOrEqualTo(16);
    }
  }

  @Test
  void everyTextOfAChineseFormIsChineseAndKeepsItsLinksAndVariables() throws IOException {
    List<String> untranslated = new ArrayList<>();
    for (String name : names(FORMS)) {
      List<String> english = texts(JSON.readTree(FORMS.resolve(name).toFile()), new ArrayList<>());
      List<String> chinese = texts(JSON.readTree(CHINESE.resolve(name).toFile()), new ArrayList<>());
      for (int i = 0; i < english.size(); i++) {
        String from = english.get(i);
        String to = chinese.get(i);
        boolean words = from.matches("(?s).*[a-z]{2,}.*");
        if (words && !CJK.matcher(to).find() || !kept(from).equals(kept(to))) {
          untranslated.add(name + ": " + from + " -> " + to);
        }
      }
    }

    assertThat(untranslated).isEmpty();
  }

  @Test
  void aChineseInstallationDeploysTheChineseFormsUnderTheNamesOfTheEnglishOnes() throws IOException {
    List<String> chinese = deployed("zh-CN");
    List<String> english = deployed("en");

    assertThat(chinese).isEqualTo(english).hasSize(names(FORMS).size())
        .allMatch(name -> name.startsWith("forms/") && !name.contains("zh-CN"));
    assertThat(formTitleOf("zh-CN", "acknowledge-triage.form")).startsWith("#### 确认与分诊");
    assertThat(formTitleOf("en", "acknowledge-triage.form")).startsWith("#### Acknowledge & triage");
  }

  private static List<String> deployed(String language) {
    return resources(language).stream().map(resource -> ((ContextResource) resource).getPathWithinContext())
        .filter(name -> name.endsWith(".form")).sorted().toList();
  }

  private static String formTitleOf(String language, String file) throws IOException {
    for (Resource resource : resources(language)) {
      if (("forms/" + file).equals(resource instanceof ContextResource form ? form.getPathWithinContext() : null)) {
        return JSON.readTree(resource.getContentAsByteArray()).path("components").get(0).path("text").asText();
      }
    }
    throw new AssertionError(file + " is not deployed in " + language);
  }

  private static Set<Resource> resources(String language) {
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.setDeploymentResourcePattern(new String[] {"classpath*:forms/**/*.form"});
    ResourcesInTheInstallationsLanguage deployment = new ResourcesInTheInstallationsLanguage(new Installation(language, "UTC"));
    ReflectionTestUtils.setField(deployment, "camundaBpmProperties", properties);
    return deployment.getDeploymentResources();
  }

  private static JsonNode withoutTexts(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      TEXTS.forEach(field -> {
        if (object.has(field)) {
          object.put(field, "");
        }
      });
    }
    node.forEach(FormTranslationsTest::strip);
  }

  private static List<String> texts(JsonNode node, List<String> texts) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (TEXTS.contains(field.getKey()) && field.getValue().isTextual()) {
          texts.add(field.getValue().asText());
        }
      });
    }
    node.forEach(child -> texts(child, texts));
    return texts;
  }

  private static List<String> kept(String text) {
    return KEPT.matcher(text).results().map(match -> match.group()).toList();
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".form")).map(file -> file.getFileName().toString()).sorted()
          .toList();
    }
  }
}
