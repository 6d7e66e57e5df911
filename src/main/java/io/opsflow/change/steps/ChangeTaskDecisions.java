package io.opsflow.change.steps;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.change.Changes;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * What people decide in change-release's ops and QA tasks, checked again on the server and
 * recorded on the change. (Approvals have their own listener, {@link ApprovalDecision}.)
 */
@Configuration(proxyBeanMethods = false)
class ChangeTaskDecisions {

  /** "Investigate stalled deployment": wait longer or cancel the change, with a note. */
  @Bean
  TaskListener investigationDecision(Changes changes) {
    return task -> {
      FormCheck check = FormCheck.of("finish the investigation");
      Investigation decision = Codes.find(Investigation.class, check.text(task, ChangeVariables.INVESTIGATION)).orElse(null);
      String note = check.text(task, ChangeVariables.INVESTIGATION_NOTE);
      check.require(decision != null, "investigation must be wait or cancel")
          .require(note != null, "investigationNote must say what you found").orRefuse();
      changes.addEntry(ChangeVariables.changeKey(task), "investigated", TaskActor.of(task),
          changes.say(decision == Investigation.WAIT ? "timeline.investigated.wait" : "timeline.investigated.cancel",
              "note", note));
    };
  }

  /**
   * "Decide: roll back or keep" after an alert during the verification window; the roll-back is due
   * when the alert's incident must be resolved.
   */
  @Bean
  TaskListener rollbackDecision(Changes changes, Incidents incidents) {
    return task -> {
      FormCheck check = FormCheck.of("decide on the alert");
      Boolean rollBack = check.flag(task, ChangeVariables.ROLL_BACK);
      String note = check.text(task, ChangeVariables.DECISION_NOTE);
      check.require(rollBack != null, "rollBack must be true or false")
          .require(note != null, "decisionNote must say why").orRefuse();
      changes.addEntry(ChangeVariables.changeKey(task), rollBack ? "rollback-decided" : "kept", TaskActor.of(task),
          changes.say(rollBack ? "timeline.rollback-decided" : "timeline.kept",
              "incident", ProcessVariables.lenientText(task, ChangeVariables.ALERT_INCIDENT), "note", note));
      if (rollBack) {
        task.setVariable(ChangeVariables.ROLL_BACK_DUE_AT,
            RollBackDeadline.of(incidents, ProcessVariables.lenientText(task, ChangeVariables.ALERT_INCIDENT)));
      }
    };
  }

  /** "Roll back": what was done to restore the previous version. */
  @Bean
  TaskListener rollbackCompleted(Changes changes) {
    return task -> {
      FormCheck check = FormCheck.of("finish the roll-back");
      String note = check.text(task, ChangeVariables.ROLLBACK_NOTE);
      check.require(note != null, "rollbackNote must say what was rolled back").orRefuse();
      changes.rolledBack(ChangeVariables.changeKey(task), TaskActor.of(task), note);
    };
  }

  /** "Confirm in production": QA's verdict; a failure leads to a roll-back. */
  @Bean
  TaskListener productionConfirmation(Changes changes) {
    return task -> {
      FormCheck check = FormCheck.of("confirm the change");
      Boolean confirmed = check.flag(task, ChangeVariables.CONFIRMED_IN_PRODUCTION);
      String note = check.text(task, ChangeVariables.CONFIRMATION_NOTE);
      check.require(confirmed != null, "confirmedInProduction must be true or false")
          .require(!Boolean.FALSE.equals(confirmed) || note != null, "confirmationNote must say what is wrong")
          .orRefuse();
      changes.addEntry(ChangeVariables.changeKey(task), confirmed ? "confirmed" : "not-confirmed", TaskActor.of(task),
          changes.say(confirmed ? "timeline.confirmed" : "timeline.not-confirmed", "note", note));
    };
  }
}
