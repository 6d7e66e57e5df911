package io.opsflow.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariablesTest {

  private final VariableScope scope = mock(VariableScope.class);

  @Test
  void lenientReadsTakeWhatTheyExpectAndReadAnythingElseAsAbsent() {
    when(scope.getVariable("title")).thenReturn("  Checkout down ");
    when(scope.getVariable("blank")).thenReturn("   ");
    when(scope.getVariable("number")).thenReturn(42);
    when(scope.getVariable("yes")).thenReturn(true);
    when(scope.getVariable("yesText")).thenReturn("true");
    when(scope.getVariable("other")).thenReturn("yes");

    assertThat(ProcessVariables.lenientText(scope, "title")).isEqualTo("Checkout down");
    assertThat(ProcessVariables.lenientText(scope, "blank")).isNull();
    assertThat(ProcessVariables.lenientText(scope, "number")).isNull();
    assertThat(ProcessVariables.lenientText(scope, "missing")).isNull();
    assertThat(ProcessVariables.lenientFlag(scope, "yes")).isTrue();
    assertThat(ProcessVariables.lenientFlag(scope, "yesText")).isTrue();
    assertThat(ProcessVariables.lenientFlag(scope, "other")).isFalse();
    assertThat(ProcessVariables.lenientFlag(scope, "missing")).isFalse();
  }

  @Test
  void strictReadsFailTheStepOnAnotherTypeAndNameTheVariable() {
    Instant at = Instant.parse("2026-11-27T10:15:00Z");
    when(scope.getVariable("title")).thenReturn(" 结账失败 🔥 ");
    when(scope.getVariable("flag")).thenReturn(false);
    when(scope.getVariable("at")).thenReturn(Date.from(at));
    when(scope.getVariable("minutes")).thenReturn(30L);
    when(scope.getVariable("result")).thenReturn(Map.of("risk", "low"));
    when(scope.getVariable("number")).thenReturn(42);
    when(scope.getVariable("text")).thenReturn("true");

    assertThat(ProcessVariables.strictText(scope, "title")).isEqualTo("结账失败 🔥");
    assertThat(ProcessVariables.strictText(scope, "missing")).isNull();
    assertThat(ProcessVariables.strictFlag(scope, "flag")).isFalse();
    assertThat(ProcessVariables.strictFlag(scope, "missing")).isFalse();
    assertThat(ProcessVariables.strictMoment(scope, "at")).isEqualTo(at);
    assertThat(ProcessVariables.strictMoment(scope, "missing")).isNull();
    assertThat(ProcessVariables.strictNumber(scope, "minutes")).isEqualTo(30);
    assertThat(ProcessVariables.strictDecisionResult(scope, "result")).containsEntry("risk", "low");

    assertThatThrownBy(() -> ProcessVariables.strictText(scope, "number")).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable number must be text, not Integer 42");
    assertThatThrownBy(() -> ProcessVariables.strictFlag(scope, "text")).hasMessage("Process variable text must be true or false, not String true");
    assertThatThrownBy(() -> ProcessVariables.strictMoment(scope, "number")).hasMessageContaining("must be a date");
    assertThatThrownBy(() -> ProcessVariables.strictNumber(scope, "missing")).hasMessage("Process variable missing must be a number, not absent");
    assertThatThrownBy(() -> ProcessVariables.strictDecisionResult(scope, "title")).hasMessageContaining("must be a decision result");
  }
}
