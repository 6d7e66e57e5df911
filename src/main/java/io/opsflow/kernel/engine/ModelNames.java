package io.opsflow.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The names people read for processes and user tasks in a language other than the models' own
 * English: {@code processes/names.<language>.properties}, next to the models, keyed by process key
 * ({@code incident-response=上报事件}) and by process key and user task id
 * ({@code incident-response.Task_AcknowledgeTriage=确认与分诊}, and its documentation with
 * {@code .description} appended); decisions by key and a DMN file's decision
 * requirements by the id of its definitions. A name may use the same expressions as the model's
 * ({@code ${service}}).
 */
final class ModelNames {

  /** The bundle's resource for a language, e.g. {@code processes/names.zh-CN.properties}. */
  static String resource(String language) {
    return "processes/names." + language + ".properties";
  }

  private final Map<String, String> names;

  private ModelNames(Map<String, String> names) {
    this.names = names;
  }

  /** The models' own names: nothing is renamed. */
  static ModelNames english() {
    return new ModelNames(Map.of());
  }

  /** The names of {@code language} from the classpath; {@code en} is the models' own. */
  static ModelNames of(String language) {
    if (language.equals("en")) {
      return english();
    }
    String resource = resource(language);
    try (InputStream in = ModelNames.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No names for opsflow.language " + language + ": " + resource + " is missing");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> names = new HashMap<>();
      properties.stringPropertyNames().forEach(key -> names.put(key, properties.getProperty(key).strip()));
      return new ModelNames(Map.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  Optional<String> process(String processKey) {
    return Optional.ofNullable(names.get(processKey));
  }

  /** A decision's name, or a DMN file's (its decision requirements, by the id of its definitions). */
  Optional<String> decision(String key) {
    return Optional.ofNullable(names.get(key));
  }

  Optional<String> userTask(String processKey, String taskId) {
    return Optional.ofNullable(names.get(processKey + "." + taskId));
  }

  /** What a user task asks, in place of its documentation: {@code <process key>.<task id>.description}. */
  Optional<String> description(String processKey, String taskId) {
    return Optional.ofNullable(names.get(processKey + "." + taskId + ".description"));
  }
}
