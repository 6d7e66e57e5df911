package io.opsflow.change.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.Change;
import io.opsflow.change.Changes;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.notify.NoticeEvent;

/**
 * Creating "Approve change" (a named create listener in the model): tells the approver group that a
 * change waits for them ({@code change.approval-requested}, once per group), linking the task.
 */
@Component("approvalRequested")
class ApprovalRequested implements TaskListener {

  private final Changes changes;
  private final ChangeNotices notices;

  ApprovalRequested(Changes changes, ChangeNotices notices) {
    this.changes = changes;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    Change change = changes.get(ChangeVariables.changeKey(task));
    String group = ProcessVariables.lenientText(task, ChangeVariables.APPROVER_GROUP);
    Map<String, Object> facts = new HashMap<>();
    facts.put("risk", change.risk());
    facts.put("plannedAt", change.plannedStart());
    facts.put("deadline", task.getDueDate());
    notices.publish(NoticeEvent.CHANGE_APPROVAL_REQUESTED, group, change, group == null ? List.of() : List.of(group),
        facts, task.getId());
  }
}
