package io.opsflow.metrics;

/** The five DORA figures (definitions: {@link Figures}). */
public record DeliveryFigures(Figure deploymentFrequency, Figure changeLeadTime, Figure changeFailRate,
    Figure failedDeploymentRecoveryTime, Figure deploymentReworkRate) {
}
