package io.opsflow.lifecycle;

import java.time.Instant;

/**
 * Published inside the transaction that ends a launch's hypercare (service-launch's "Complete launch"
 * step): the launch retrospective looks back on the service over the hypercare period.
 *
 * @param hypercareFrom when the launch change succeeded and the service became {@code launching}
 * @param hypercareTo when the service became {@code live}
 */
public record LaunchRetrospectiveRequested(String launchKey, String serviceKey, String version, Instant hypercareFrom,
    Instant hypercareTo) {
}
