package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.domain.Refusal;

class IncidentVocabularyTest {

  @Test
  void priorityComparesByUrgencyWithP1TheMostUrgent() {
    assertThat(Priority.P1.moreUrgentThan(Priority.P2)).isTrue();
    assertThat(Priority.P2.moreUrgentThan(Priority.P2)).isFalse();
    assertThat(Priority.P4.moreUrgentThan(Priority.P3)).isFalse();
    assertThat(Priority.P2.atLeast(Priority.P2)).isTrue();
    assertThat(Priority.P1.atLeast(Priority.P2)).isTrue();
    assertThat(Priority.P3.atLeast(Priority.P2)).isFalse();
  }

  @Test
  void theCodesAreTheTextsTheDatabaseAndTheModelsAlreadyHold() {
    assertThat(codes(IncidentState.values())).containsExactly("open", "acknowledged", "resolved", "closed");
    assertThat(codes(Priority.values())).containsExactly("P1", "P2", "P3", "P4");
    assertThat(codes(Level.values())).containsExactly("high", "medium", "low");
    assertThat(codes(IncidentCategory.values())).containsExactly("outage", "database", "security", "performance", "other");
    assertThat(codes(IncidentSource.values())).containsExactly("alertmanager", "api", "tasklist", "change", "feedback");
    assertThat(codes(AlertStatus.values())).containsExactly("firing", "resolved");
    assertThat(codes(Sla.values())).containsExactly("acknowledge", "resolve");
  }

  @Test
  void messagesThatNameAValueReadItsCode() {
    assertThat("Priority " + Priority.P2 + " (impact " + Level.HIGH + ")").isEqualTo("Priority P2 (impact high)");
  }

  @Test
  void jsonCarriesTheCode() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(json.writeValueAsString(Map.of("state", IncidentState.ACKNOWLEDGED))).isEqualTo("{\"state\":\"acknowledged\"}");
    assertThat(json.readValue("\"P3\"", Priority.class)).isEqualTo(Priority.P3);
  }

  @Test
  void theDecisionsPriorityIsReadByItsCodeAndAnUnknownOneFailsTheStep() {
    assertThat(PriorityDecision.of(Map.of("priority", "P2", "ackSlaMinutes", 30, "resolveSlaMinutes", 240)))
        .isEqualTo(new PriorityDecision(Priority.P2, 30, 240));
    assertThatThrownBy(() -> PriorityDecision.of(Map.of("priority", "P9", "ackSlaMinutes", 1, "resolveSlaMinutes", 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'P9'").hasMessageContaining("P1, P2, P3, P4");
  }

  @Test
  void aReportSaysItsProblemsInTheReportersWordsAndTypesWhatIsFine() {
    IncidentReport wrong = new IncidentReport("svc", "Title", null, "huge", "HIGH", IncidentSource.API, "olivia", "fire");
    assertThat(wrong.problems()).containsExactly("impact must be high, medium or low",
        "urgency must be high, medium or low", IncidentReport.CATEGORY_RULE);
    assertThatThrownBy(wrong::impactLevel).isInstanceOf(Refusal.Invalid.class).hasMessageContaining("huge");

    IncidentReport fine = new IncidentReport("svc", "Title", null, "low", "high", IncidentSource.API, "olivia", "security");
    assertThat(fine.problems()).isEmpty();
    assertThat(fine.impactLevel()).isEqualTo(Level.LOW);
    assertThat(fine.urgencyLevel()).isEqualTo(Level.HIGH);
    assertThat(fine.categoryOrNull()).isEqualTo(IncidentCategory.SECURITY);
    assertThat(new IncidentReport("svc", "Title", null, "low", "low", IncidentSource.API, "olivia").categoryOrNull())
        .isNull();
  }

  private static String[] codes(Coded[] values) {
    return java.util.Arrays.stream(values).map(Coded::code).toArray(String[]::new);
  }
}
