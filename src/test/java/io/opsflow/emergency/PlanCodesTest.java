package io.opsflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.opsflow.support.ModelCodes;

/** The stand-down form offers exactly the outcomes "Close activation" reads back into {@link PlanOutcome}. */
class PlanCodesTest {

  @Test
  void standDownOffersEveryOutcomeAndNoOther() throws IOException {
    assertThat(ModelCodes.formOptions(Path.of("forms", "emergency-stand-down.form"), "outcome"))
        .containsExactlyElementsOf(ModelCodes.of(PlanOutcome.class));
  }
}
