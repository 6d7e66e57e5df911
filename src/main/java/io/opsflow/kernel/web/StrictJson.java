package io.opsflow.kernel.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.opsflow.kernel.text.StorableTime;

/**
 * What the API reads, it reads strictly (the features that Spring properties can switch are in
 * application.yaml): a number or boolean is never taken for text, and a date and time is ISO-8601
 * text with an offset that OpsFlow can store, never an epoch number.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .deserializerByType(OffsetDateTime.class, new StorableOffsetDateTime())
        .postConfigurer(mapper -> {
          for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
              CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
          }
        });
  }

  /** A time outside {@link StorableTime}: the answer names the range. */
  static class UnstorableTimeException extends InvalidFormatException {
    UnstorableTimeException(JsonParser parser, String value) {
      super(parser, "time outside " + StorableTime.RANGE, value, OffsetDateTime.class);
    }
  }

  static class StorableOffsetDateTime extends StdScalarDeserializer<OffsetDateTime> {

    StorableOffsetDateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
      }
      String text = parser.getText();
      OffsetDateTime time;
      try {
        time = OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw context.weirdStringException(text, OffsetDateTime.class, "not an ISO-8601 date and time with offset");
      }
      if (!StorableTime.storable(time.toInstant())) {
        throw new UnstorableTimeException(parser, text);
      }
      // as Jackson's own reader does: one zone for everything read, so equal times compare equal
      return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
  }
}
