package io.opsflow.change.steps;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.change.Change;
import io.opsflow.change.Changes;
import io.opsflow.change.FreezeWindow;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Texts;

/**
 * Check policies: a non-emergency change planned inside a freeze window is rejected, with the
 * window in the reason (an emergency change goes ahead, and the override is audited); overlapping
 * open changes on the service or what it depends on are recorded and shown to the approvers.
 */
@Component("checkPolicies")
class CheckPolicies implements JavaDelegate {

  private final Changes changes;
  private final Installation installation;

  CheckPolicies(Changes changes, Installation installation) {
    this.changes = changes;
    this.installation = installation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Change change = changes.get(ChangeVariables.changeKey(execution));
    Optional<FreezeWindow> freeze = changes.freezeWindowFor(change);
    changes.recordFreezeOverride(change);
    execution.setVariable(ChangeVariables.FROZEN, freeze.isPresent());
    freeze.ifPresent(window -> execution.setVariable(ChangeVariables.REJECTION_REASON,
        Texts.forVariable("Planned inside the " + changes.describe(window), Changes.wholeAt(change.changeKey()))));
    List<Change> conflicts = changes.conflictsOf(change);
    String text = changes.recordConflicts(change.changeKey(), conflicts);
    execution.setVariable(ChangeVariables.CONFLICTS,
        text.isEmpty() ? "none" : Texts.forVariable(text, Changes.wholeAt(change.changeKey())));
    execution.setVariable(ChangeVariables.SUMMARY, summary(changes.get(change.changeKey())));
  }

  /** The facts an approver reads in the form. */
  String summary(Change change) {
    return String.join("\n",
        change.changeKey() + ": " + change.title(),
        change.changeType().code() + " change of " + change.serviceKey() + " to " + change.version()
            + (change.commitSha() == null ? "" : " (" + change.commitSha() + ")"),
        "Requested by " + change.requestedBy() + (change.requestedBy().equals(change.requestedVia()) ? ""
            : " via " + change.requestedVia()),
        "Risk " + change.risk().code() + ", route " + change.approvalRoute().code() + (change.testsFailed() ? ", TESTS FAILED" : "")
            + (change.hasDbMigration() ? ", with a database migration" : ""),
        "Planned start: " + (change.plannedStart() == null ? "as soon as approved" : installation.time(change.plannedStart())),
        change.pipelineUrl() == null ? "" : "Pipeline: " + change.pipelineUrl()).strip();
  }
}
