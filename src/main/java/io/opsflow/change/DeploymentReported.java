package io.opsflow.change;

import java.time.Instant;

/**
 * Published inside the transaction that records what CI reported about a change's deployment (once:
 * a repeated report publishes nothing), for the modules that count deployments (metrics links the
 * incidents of its verification window).
 */
public record DeploymentReported(String changeKey, String serviceKey, DeploymentStatus status, Instant deployedAt) {
}
