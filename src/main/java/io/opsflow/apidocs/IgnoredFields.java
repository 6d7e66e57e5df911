package io.opsflow.apidocs;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Notes the schemas of classes that read what they know and ignore other fields
 * ({@code @JsonIgnoreProperties(ignoreUnknown = true)}, such as Alertmanager's webhook); every other
 * request body refuses unknown fields, and the description says so.
 */
class IgnoredFields implements ModelConverter {

  /**
   * Static like swagger's converter chain itself ({@code ModelConverters.getInstance()}): springdoc puts
   * each application context's converter into that one chain and takes out the one of the same class an
   * earlier context put there, so a second context in the JVM (a benchmark's, in the tests) would leave
   * the first context's instance never called and its notes empty. A class's annotation is the same
   * for every context, so the notes can be shared.
   */
  private static final Set<String> names = ConcurrentHashMap.newKeySet();

  @Override
  @SuppressWarnings("rawtypes")
  public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    JavaType javaType = Json.mapper().constructType(type.getType());
    JsonIgnoreProperties ignored = javaType.getRawClass().getAnnotation(JsonIgnoreProperties.class);
    if (schema != null && ignored != null && ignored.ignoreUnknown()) {
      String name = schema.get$ref() != null ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
          : schema.getName();
      if (name != null) {
        names.add(name);
      }
    }
    return schema;
  }

  boolean ignoresUnknownFields(String schemaName) {
    return names.contains(schemaName);
  }
}
