package io.opsflow.change.steps;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.change.Changes;

/** After "Assess risk": stores the change-risk decision; what its route asks for is the next decision's. */
@Component("recordRisk")
class RecordRisk implements ExecutionListener {

  private final Changes changes;

  RecordRisk(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> result = ProcessVariables.strictDecisionResult(execution, ChangeVariables.RISK_RESULT);
    String risk = (String) result.get("risk");
    String route = (String) result.get("approvalRoute");
    int minutes = ((Number) result.get("verificationMinutes")).intValue();
    changes.setRisk(ChangeVariables.changeKey(execution), risk, route, minutes);
    execution.removeVariable(ChangeVariables.RISK_RESULT);
    execution.setVariable(ChangeVariables.RISK, risk);
    execution.setVariable(ChangeVariables.APPROVAL_ROUTE, route);
    execution.setVariable(ChangeVariables.VERIFICATION_MINUTES, minutes);
  }
}
