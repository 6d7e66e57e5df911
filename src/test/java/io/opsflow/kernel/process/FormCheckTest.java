package io.opsflow.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Language;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Reader;

class FormCheckTest {

  private static final Phrases INCIDENT = Phrases.of("incident");

  @Test
  void aRefusalSpeaksTheReadersLanguageWholeFrameAndProblems() {
    assertThatThrownBy(() -> refuse(Language.ZH))
        .isInstanceOf(InvalidTaskInput.class)
        .hasMessage(InvalidTaskInput.MARKER + "无法完成验证：verified 必须是 true 或 false；verificationNote 必须说明仍有什么失败。");
    assertThatThrownBy(() -> refuse(Language.EN))
        .hasMessage(InvalidTaskInput.MARKER
            + "cannot complete the verification: verified must be true or false; verificationNote must say what still fails.");
  }

  @Test
  void theChecksOwnProblemsAreTranslatedToo() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("closureConfirmed")).thenReturn("maybe");
    when(scope.getVariable("closureNote")).thenReturn("x".repeat(11));
    when(scope.getVariable("at")).thenReturn("tomorrow");
    FormCheck check = FormCheck.in(new Reader(Language.ZH, ZoneOffset.UTC), INCIDENT, "form.closure");
    check.flag(scope, "closureConfirmed");
    check.text(scope, "closureNote", 10);
    check.moment(scope, "at");
    check.requiredMoment(scope, "due");

    assertThatThrownBy(check::orRefuse).hasMessage(InvalidTaskInput.MARKER + "无法回答是否关闭：closureConfirmed 必须是 true 或 false；"
        + "closureNote 最多 10 个字符；at 必须是带时区偏移的日期时间，例如 2026-12-01T22:00Z；due 为必填项。");
  }

  @Test
  void anEnglishCheckSaysWhatItSaidBefore() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("note")).thenReturn(42);
    FormCheck check = FormCheck.of("finish this step");
    check.text(scope, "note");
    check.requiredMoment(scope, "due");
    assertThatThrownBy(check::orRefuse)
        .hasMessage(InvalidTaskInput.MARKER + "cannot finish this step: note must be text; due is required.");
  }

  private static void refuse(Language language) {
    FormCheck.in(new Reader(language, ZoneOffset.UTC), INCIDENT, "form.verification")
        .requireThat(false, "form.verified")
        .requireThat(true, "form.closure-note")
        .requireThat(false, "form.verification-note")
        .orRefuse();
  }
}
