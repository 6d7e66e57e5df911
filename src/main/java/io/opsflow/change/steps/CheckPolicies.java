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
        Texts.forVariable(changes.say("planned-inside", "window", changes.describe(window)),
            Changes.wholeAt(change.changeKey()), installation.spoken())));
    List<Change> conflicts = changes.conflictsOf(change);
    String text = changes.recordConflicts(change.changeKey(), conflicts);
    execution.setVariable(ChangeVariables.CONFLICTS,
        text.isEmpty() ? changes.say("conflicts.none") : Texts.forVariable(text, Changes.wholeAt(change.changeKey()),
            installation.spoken()));
    execution.setVariable(ChangeVariables.SUMMARY, summary(changes.get(change.changeKey())));
  }

  /** The facts an approver reads in the form. */
  String summary(Change change) {
    return String.join("\n",
        change.changeKey() + ": " + change.title(),
        changes.say("summary.change", "type", change.changeType(), "service", change.serviceKey(), "version",
            change.version(), "commit", change.commitSha()),
        changes.say("summary.requested", "requestedBy", change.requestedBy(), "requestedVia",
            change.requestedBy().equals(change.requestedVia()) ? null : change.requestedVia()),
        changes.say("summary.risk", "risk", change.risk(), "route", change.approvalRoute())
            + (change.testsFailed() ? changes.say("summary.tests-failed") : "")
            + (change.hasDbMigration() ? changes.say("summary.db-migration") : ""),
        change.plannedStart() == null ? changes.say("summary.planned.asap")
            : changes.say("summary.planned", "plannedStart", change.plannedStart()),
        change.pipelineUrl() == null ? "" : changes.say("summary.pipeline", "url", change.pipelineUrl())).strip();
  }
}
