package io.opsflow.metrics;

/** The practice figures (definitions: {@link Figures}). */
public record PracticeFigures(Figure drillCompliance, Figure actionItemsOnTime, Figure overdueActionItems,
    Figure retrospectivesCompleted) {
}
