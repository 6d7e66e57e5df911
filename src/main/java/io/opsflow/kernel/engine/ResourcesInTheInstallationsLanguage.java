package io.opsflow.kernel.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Installation;

/**
 * Deploys the models and Camunda Forms in the installation's language ({@code opsflow.language}).
 * <p>
 * Forms: {@code forms/<form>.form} in English, {@code forms/<language>/<form>.form} in another language,
 * with the same form id, so {@code camunda:formRef} with {@code formRefBinding="deployment"} finds the
 * one deployed. Every form is deployed as {@code forms/<form>.form} whatever its language and however
 * the application runs (classes folder or jar).
 * <p>
 * Models: in English as they are; in another language each BPMN and DMN file is deployed as
 * {@code processes/<file>} with the texts of {@link ModelNames} in place of the English ones, so the
 * engine (process, task and decision names, task descriptions), Tasklist and Cockpit's diagrams and
 * decision tables show the language, while the files in {@code processes/} stay English for Camunda
 * Modeler. Ids and keys do not change.
 * <p>
 * A change of language changes the content of resources of the same name, so the next start deploys
 * the models and forms again (a new version of each) instead of finding an earlier deployment of the
 * same files; a start in the same language finds them and deploys nothing.
 */
@Component
class ResourcesInTheInstallationsLanguage extends DefaultDeploymentConfiguration {

  private static final String FORMS = "/forms/";

  private final String language;
  private final ModelNames names;

  ResourcesInTheInstallationsLanguage(Installation installation) {
    this.language = installation.language();
    this.names = ModelNames.of(language);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> deployed = new HashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      String url = url(resource);
      int forms = url.lastIndexOf(FORMS);
      if (url.endsWith(".form") && forms >= 0) {
        String path = url.substring(forms + FORMS.length());
        String formLanguage = path.contains("/") ? path.substring(0, path.indexOf('/')) : "en";
        if (formLanguage.equals(language)) {
          deployed.add(new Named("forms/" + resource.getFilename(), content(resource)));
        }
      } else if (!names.isEnglish() && (url.endsWith(".bpmn") || url.endsWith(".dmn"))) {
        deployed.add(new Named("processes/" + resource.getFilename(),
            names.translate(content(resource))));
      } else {
        deployed.add(resource);
      }
    }
    return deployed;
  }

  private static String url(Resource resource) {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot locate " + resource, e);
    }
  }

  private static byte[] content(Resource resource) {
    try {
      return resource.getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** A resource by the name it is deployed under (Camunda names a {@link ContextResource} by its path). */
  private static final class Named extends ByteArrayResource implements ContextResource {

    private final String name;

    Named(String name, byte[] content) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named named && named.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
