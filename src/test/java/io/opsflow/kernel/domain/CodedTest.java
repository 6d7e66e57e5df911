package io.opsflow.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.opsflow.kernel.process.ProcessVariables;

class CodedTest {

  enum Level implements Coded {
    WAITING("awaiting-approval"), DONE("done");

    private final String code;

    Level(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  enum Plain { RED, GREEN }

  record Holder(Level level) {
  }

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonWritesAndReadsTheCodeNotTheName() throws Exception {
    assertThat(json.writeValueAsString(new Holder(Level.WAITING))).isEqualTo("{\"level\":\"awaiting-approval\"}");
    assertThat(json.readValue("{\"level\":\"done\"}", Holder.class).level()).isEqualTo(Level.DONE);
    assertThatThrownBy(() -> json.readValue("{\"level\":\"DONE\"}", Holder.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void codesAreFoundExactlyAndAnUnknownCodeIsAnInvalidRequestNamingTheChoices() {
    assertThat(Codes.find(Level.class, "awaiting-approval")).contains(Level.WAITING);
    assertThat(Codes.find(Level.class, "Awaiting-Approval")).isEmpty();
    assertThat(Codes.find(Level.class, null)).isEmpty();
    assertThatThrownBy(() -> Codes.of(Level.class, "later", "state"))
        .isInstanceOf(Refusal.Invalid.class)
        .hasMessageContaining("state 'later' is not one of awaiting-approval, done.");
  }

  @Test
  void mybatisStoresCodedEnumsByCodeAndOthersByName() throws Exception {
    PreparedStatement statement = mock(PreparedStatement.class);
    new CodedTypeHandler<>(Level.class).setNonNullParameter(statement, 1, Level.WAITING, null);
    verify(statement).setString(1, "awaiting-approval");
    new CodedTypeHandler<>(Plain.class).setNonNullParameter(statement, 2, Plain.GREEN, null);
    verify(statement).setString(2, "GREEN");

    ResultSet rows = mock(ResultSet.class);
    when(rows.getString("state")).thenReturn("done", (String) null, "gone");
    CodedTypeHandler<Level> handler = new CodedTypeHandler<>(Level.class);
    assertThat(handler.getNullableResult(rows, "state")).isEqualTo(Level.DONE);
    assertThat(handler.getNullableResult(rows, "state")).isNull();
    assertThatThrownBy(() -> handler.getNullableResult(rows, "state"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'gone'");
  }

  @Test
  void requestParametersConvertByCodeAndRefuseAnUnknownOne() {
    var converter = new DomainConfiguration.CodeConverters().getConverter(Level.class);
    assertThat(converter.convert(" done ")).isEqualTo(Level.DONE);
    assertThat(converter.convert("")).isNull();
    assertThatThrownBy(() -> converter.convert("DONE")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("awaiting-approval, done");
  }

  @Test
  void processVariablesHoldTheCode() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("state")).thenReturn("awaiting-approval");
    when(scope.getVariable("odd")).thenReturn("sideways");
    assertThat(ProcessVariables.strictCode(scope, "state", Level.class)).isEqualTo(Level.WAITING);
    assertThat(ProcessVariables.strictCode(scope, "missing", Level.class)).isNull();
    assertThat(ProcessVariables.lenientCode(scope, "odd", Level.class)).isNull();
    assertThatThrownBy(() -> ProcessVariables.strictCode(scope, "odd", Level.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("odd");
  }

  @Test
  void aRefusalKeepsItsDetailAndMarksItsKindInTheMessage() {
    Refusal refusal = Refusal.conflict("Change CHG-1 is closed.");
    assertThat(refusal.detail()).isEqualTo("Change CHG-1 is closed.");
    assertThat(refusal.getMessage()).isEqualTo("OpsFlow refused (conflict): Change CHG-1 is closed.");
  }
}
