package io.opsflow.change;

import java.time.Instant;
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
    Instant plannedStart = check.moment(execution, ChangeVariables.PLANNED_START);
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
}
