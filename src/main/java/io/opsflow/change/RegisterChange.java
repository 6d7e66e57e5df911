package io.opsflow.change;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.platform.FormCheck;
import io.opsflow.platform.InvalidTaskInput;

/**
 * Register change: changes from the API are already recorded; one requested in Tasklist is
 * recorded here, after the form's input is checked again on the server.
 */
@Component("registerChange")
class RegisterChange implements JavaDelegate {

  private final Changes changes;

  RegisterChange(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = ChangeVariables.changeKey(execution);
    if (key != null) {
      changes.get(key);
      return;
    }
    FormCheck check = FormCheck.of("request the change");
    String requester = check.text(execution, ChangeVariables.REQUESTER);
    Boolean testsFailed = check.flag(execution, ChangeVariables.TESTS_FAILED);
    Boolean migration = check.flag(execution, ChangeVariables.HAS_DB_MIGRATION);
    Instant plannedStart = plannedStart(execution, check);
    check.orRefuse();
    ChangeSubmission submission = new ChangeSubmission(check.text(execution, ChangeVariables.SERVICE),
        check.text(execution, ChangeVariables.VERSION), check.text(execution, ChangeVariables.TITLE),
        check.text(execution, ChangeVariables.CHANGE_TYPE), Boolean.TRUE.equals(testsFailed),
        Boolean.TRUE.equals(migration), plannedStart, null, null, requester, requester, null, null);
    List<String> problems = changes.problems(submission);
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput("request the change", problems);
    }
    Change change = changes.register(submission);
    execution.setProcessBusinessKey(change.changeKey());
    execution.setVariables(changes.startVariables(change));
  }

  /** Tasklist sends the planned start as text, e.g. 2026-12-01T22:00Z; empty means now. */
  private static Instant plannedStart(DelegateExecution execution, FormCheck check) {
    Object value = execution.getVariable(ChangeVariables.PLANNED_START);
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    try {
      return OffsetDateTime.parse(value.toString().strip()).toInstant();
    } catch (DateTimeParseException e) {
      check.require(false, "plannedStart must be a date and time with offset, e.g. 2026-12-01T22:00Z");
      return null;
    }
  }
}
