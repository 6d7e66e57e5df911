package io.opsflow.change.steps;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.Changes;
import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskPriority;

/**
 * After "Assess risk": stores the change-risk decision and sets the priority of the change's tasks
 * from it; what its route asks for is the next decision's.
 */
@Component("recordRisk")
class RecordRisk implements ExecutionListener {

  private final Changes changes;

  RecordRisk(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> result = ProcessVariables.strictDecisionResult(execution, ChangeVariables.RISK_RESULT);
    ChangeRisk risk = decided(result, "risk", ChangeRisk.class);
    ApprovalRoute route = decided(result, "approvalRoute", ApprovalRoute.class);
    int minutes = ((Number) result.get("verificationMinutes")).intValue();
    changes.setRisk(ChangeVariables.changeKey(execution), risk, route, minutes);
    execution.removeVariable(ChangeVariables.RISK_RESULT);
    execution.setVariable(ChangeVariables.RISK, risk.code());
    execution.setVariable(TaskPriority.VARIABLE, risk.taskPriority(route));
    execution.setVariable(ChangeVariables.APPROVAL_ROUTE, route.code());
    execution.setVariable(ChangeVariables.VERIFICATION_MINUTES, minutes);
  }

  /** An output the table does not allow is a defect of the model: the step fails (a Cockpit incident). */
  private static <E extends Enum<E> & Coded> E decided(Map<String, Object> result, String output, Class<E> type) {
    Object value = result.get(output);
    return Codes.find(type, value instanceof String code ? code : null).orElseThrow(() -> new IllegalStateException(
        "The change-risk decision gave " + output + " '" + value + "', which is not one of " + Codes.list(type)));
  }
}
