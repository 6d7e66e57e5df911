package io.opsflow.kernel.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A record (an incident, a change) has exactly one process, whose business key is the record's
 * key. A start that names an existing record is OpsFlow's own; someone starting the process again
 * for it through /engine-rest is refused.
 */
public final class OwnProcess {

  private OwnProcess() {
  }

  /** Whether another instance of this process, running or ended, already has the business key. */
  public static boolean takenByAnother(DelegateExecution execution, String businessKey) {
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    // whoever starts it need not be allowed to read the other instance for this check
    Supplier<Boolean> taken = () -> execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .list().stream().anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
    return WithoutAuthorization.call(taken);
  }
}
