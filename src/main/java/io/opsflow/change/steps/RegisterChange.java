package io.opsflow.change.steps;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.change.Change;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.OwnProcess;
import io.opsflow.kernel.process.TaskActor;

/**
 * Register change: changes from the API are already recorded; one requested in Tasklist (or started
 * through /engine-rest) is recorded here, after its input is checked again on the server. A start
 * for a change that already has its process is refused.
 */
@Component("registerChange")
class RegisterChange implements JavaDelegate {

  private final Changes changes;

  RegisterChange(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = FormCheck.of("request the change");
    String key = check.text(execution, ChangeVariables.CHANGE_KEY);
    if (key != null) {
      check.require(changes.find(key).isPresent(), "changeKey " + key + " is not a change")
          .require(!OwnProcess.takenByAnother(execution, key),
              "change " + key + " already has its process; request a new change without changeKey")
          .orRefuse();
      return;
    }
    // the person signed in: the initiator variable would take a "requester" the form sends instead
    String requester = TaskActor.authenticated().orElseGet(() -> check.text(execution, ChangeVariables.REQUESTER));
    Boolean testsFailed = check.flag(execution, ChangeVariables.TESTS_FAILED);
    Boolean migration = check.flag(execution, ChangeVariables.HAS_DB_MIGRATION);
    Instant plannedStart = check.moment(execution, ChangeVariables.PLANNED_START);
    ChangeSubmission submission = new ChangeSubmission(check.text(execution, ChangeVariables.SERVICE),
        check.text(execution, ChangeVariables.VERSION), check.text(execution, ChangeVariables.TITLE),
        Codes.find(ChangeType.class, check.text(execution, ChangeVariables.CHANGE_TYPE)).orElse(null),
        Boolean.TRUE.equals(testsFailed),
        Boolean.TRUE.equals(migration), plannedStart, null, null, requester, requester, null, null);
    check.require(requester != null, "requester is missing: start the change signed in");
    changes.problems(submission).forEach(problem -> check.require(false, problem));
    check.orRefuse();
    Change change = changes.register(submission);
    execution.setProcessBusinessKey(change.changeKey());
    execution.setVariables(changes.startVariables(change));
  }
}
