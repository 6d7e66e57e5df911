package io.opsflow.metrics;

import java.util.Map;

/**
 * The incident figures (definitions: {@link Figures}).
 *
 * @param slaAttainment per priority ({@code P1} to {@code P4}): the share of incidents whose
 *     acknowledge and resolve targets held
 * @param incidentsByPriority per priority, and {@code none} for incidents not prioritised yet
 * @param incidentsBySource {@code alert}, {@code person}, {@code failedChange}, {@code feedback}
 */
public record IncidentFigures(Figure mtta, Figure mttr, Map<String, Sla> slaAttainment,
    Map<String, Figure> incidentsByPriority, Map<String, Figure> incidentsBySource, Figure escalations) {

  public record Sla(Figure acknowledge, Figure resolve) {
  }
}
