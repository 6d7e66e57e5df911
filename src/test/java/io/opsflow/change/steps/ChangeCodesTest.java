package io.opsflow.change.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.ChangeType;
import io.opsflow.support.ModelCodes;

/**
 * change-release's decisions and forms use the codes the steps read back into enums: a risk or a
 * route added to a table, or an option added to a form, without its constant would fail the step
 * that reads it; a constant no model uses is dead.
 */
class ChangeCodesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @Test
  void changeRiskGivesExactlyTheRisksAndRoutesOpsFlowKnows() {
    assertThat(ModelCodes.decisionOutputs(PROCESSES.resolve("change-risk.dmn"), "risk"))
        .containsOnlyElementsOf(ModelCodes.of(ChangeRisk.class)).containsAll(ModelCodes.of(ChangeRisk.class));
    assertThat(ModelCodes.decisionOutputs(PROCESSES.resolve("change-risk.dmn"), "approvalRoute"))
        .containsOnlyElementsOf(ModelCodes.of(ApprovalRoute.class)).containsAll(ModelCodes.of(ApprovalRoute.class));
  }

  @Test
  void approvalRouteTestsExactlyTheRoutesOpsFlowKnows() {
    assertThat(ModelCodes.decisionInputs(PROCESSES.resolve("approval-route.dmn"), "approvalRoute"))
        .containsOnlyElementsOf(ModelCodes.of(ApprovalRoute.class)).containsAll(ModelCodes.of(ApprovalRoute.class));
  }

  @Test
  void formsOfferTheCodesTheStepsRead() throws IOException {
    assertThat(ModelCodes.formOptions(FORMS.resolve("request-change.form"), ChangeVariables.CHANGE_TYPE))
        .containsExactlyElementsOf(ModelCodes.of(ChangeType.class));
    assertThat(ModelCodes.formOptions(FORMS.resolve("investigate-deployment.form"), ChangeVariables.INVESTIGATION))
        .containsExactlyElementsOf(ModelCodes.of(Investigation.class));
  }
}
