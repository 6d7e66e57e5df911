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
 * Deploys the Camunda Forms of the installation's language ({@code opsflow.language}) with the models:
 * {@code forms/<form>.form} in English, {@code forms/<language>/<form>.form} in another language, with
 * the same form id, so {@code camunda:formRef} with {@code formRefBinding="deployment"} finds the one
 * deployed. Every form is deployed as {@code forms/<form>.form} whatever its language and however the
 * application runs (classes folder or jar): a change of language changes the content of resources of
 * the same name, so the next start deploys the models and forms again instead of finding an earlier
 * deployment of the same files.
 */
@Component
class FormsInTheInstallationsLanguage extends DefaultDeploymentConfiguration {

  private static final String FOLDER = "/forms/";

  private final String language;

  FormsInTheInstallationsLanguage(Installation installation) {
    this.language = installation.language();
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> deployed = new HashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      String url = url(resource);
      int folder = url.lastIndexOf(FOLDER);
      if (!url.endsWith(".form") || folder < 0) {
        deployed.add(resource);
        continue;
      }
      String path = url.substring(folder + FOLDER.length());
      String formLanguage = path.contains("/") ? path.substring(0, path.indexOf('/')) : "en";
      if (formLanguage.equals(language)) {
        deployed.add(new Form("forms/" + resource.getFilename(), content(resource)));
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

  /** A form by the name it is deployed under (Camunda names a {@link ContextResource} by its path). */
  private static final class Form extends ByteArrayResource implements ContextResource {

    private final String name;

    Form(String name, byte[] content) {
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
      return other instanceof Form form && form.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
