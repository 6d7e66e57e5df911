package io.opsflow.incident.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opsflow.incident.Priority;

/** Late work climbs a step a level, from the incident's own priority, and never above a P1's. */
class SlaLatenessTest {

  @Test
  void aMissedTargetRaisesOneStepAndTheEscalationAnotherUpToAP1s() {
    assertThat(SlaLateness.priority(Priority.P4, 0)).isEqualTo(25);
    assertThat(SlaLateness.priority(Priority.P4, SlaLateness.BREACHED)).as("as a P3").isEqualTo(50);
    assertThat(SlaLateness.priority(Priority.P4, SlaLateness.ESCALATED)).as("as a P2").isEqualTo(75);
    assertThat(SlaLateness.priority(Priority.P3, SlaLateness.BREACHED)).as("as a P2").isEqualTo(75);
    assertThat(SlaLateness.priority(Priority.P3, SlaLateness.ESCALATED)).as("as a P1").isEqualTo(100);
    assertThat(SlaLateness.priority(Priority.P2, SlaLateness.ESCALATED)).isEqualTo(100);
    assertThat(SlaLateness.priority(Priority.P1, SlaLateness.BREACHED)).isEqualTo(100);
  }
}
