package io.opsflow.change.steps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.Changes;

class RecordRiskTest {

  private final Changes changes = mock(Changes.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void aDecidedRiskOrRouteOpsFlowDoesNotKnowFailsTheStepAndRecordsNothing() {
    when(execution.getVariable(ChangeVariables.RISK_RESULT))
        .thenReturn(Map.of("risk", "extreme", "approvalRoute", "cab", "verificationMinutes", 60));

    assertThatThrownBy(() -> new RecordRisk(changes).notify(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The change-risk decision gave risk 'extreme', which is not one of low, medium, high");
    verify(changes, never()).setRisk(anyString(), any(ChangeRisk.class), any(ApprovalRoute.class), anyInt());
    verify(execution, never()).setVariable(any(), any());
  }

  @Test
  void aKnownRiskIsRecordedTypedAndTheVariablesHoldItsCode() {
    when(execution.getVariable(ChangeVariables.CHANGE_KEY)).thenReturn("CHG-2026-0001");
    when(execution.getVariable(ChangeVariables.RISK_RESULT))
        .thenReturn(Map.of("risk", "medium", "approvalRoute", "peer", "verificationMinutes", 30));

    new RecordRisk(changes).notify(execution);

    verify(changes).setRisk("CHG-2026-0001", ChangeRisk.MEDIUM, ApprovalRoute.PEER, 30);
    verify(execution).setVariable(ChangeVariables.RISK, "medium");
    verify(execution).setVariable(ChangeVariables.APPROVAL_ROUTE, "peer");
  }
}
