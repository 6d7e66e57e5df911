package io.opsflow.kernel.domain;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@link Coded} enums by their code in OpsFlow's tables and in request parameters. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration implements WebMvcConfigurer {

  @Bean
  ConfigurationCustomizer codedEnums() {
    return configuration -> configuration.setDefaultEnumTypeHandler(CodedTypeHandler.class);
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new CodeConverters());
  }

  /** {@code ?state=awaiting-approval}: an unknown code is a type mismatch, answered as a 400 problem. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class CodeConverters implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> target) {
      if (!Coded.class.isAssignableFrom(target)) {
        return text -> text.isBlank() ? null : (T) Enum.valueOf(target, text.strip());
      }
      return text -> {
        if (text.isBlank()) {
          return null;
        }
        Object constant = Codes.constant(target, text.strip());
        if (constant != null) {
          return (T) constant;
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + Codes.list(target));
      };
    }
  }
}
