package io.opsflow.change.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.Changes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * "Approve change": four eyes (the requester may neither take nor decide an approval of their own
 * change, whatever the client) and the decision, recorded per approver group. A rejection ends
 * the approvals at once.
 */
@Component("approvalDecision")
class ApprovalDecision implements TaskListener {

  private final Changes changes;

  ApprovalDecision(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask task) {
    String requester = ProcessVariables.lenientText(task, ChangeVariables.REQUESTER);
    String group = ProcessVariables.lenientText(task, ChangeVariables.APPROVER_GROUP);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      FormCheck.of("take this approval")
          .require(task.getAssignee() == null || !task.getAssignee().equals(requester), fourEyes(requester, group))
          .orRefuse();
      return;
    }
    String actor = TaskActor.of(task);
    FormCheck check = FormCheck.of("decide on the change");
    Boolean approved = check.flag(task, ChangeVariables.APPROVED);
    String comment = check.text(task, ChangeVariables.COMMENT);
    check.require(!actor.equals(requester), fourEyes(requester, group))
        .require(approved != null, "approved must be true or false")
        .require(!Boolean.FALSE.equals(approved) || comment != null, "comment must say why the change is rejected")
        .require(comment == null || comment.length() <= 2000, "comment must be at most 2000 characters")
        .orRefuse();
    String key = ChangeVariables.changeKey(task);
    // a form's radio buttons submit text; tools that read the process see a boolean
    task.getExecution().setVariable(ChangeVariables.APPROVED, approved);
    changes.recordApproval(key, group, approved, actor, comment);
    if (!approved) {
      task.getExecution().setVariable(ChangeVariables.CHANGE_REJECTED, true);
      task.getExecution().setVariable(ChangeVariables.REJECTION_REASON,
          changes.say("rejected-by", "by", actor, "group", group, "comment", comment));
    }
  }

  private static String fourEyes(String requester, String group) {
    return requester + " requested this change and cannot approve it; another member of " + group + " must";
  }
}
