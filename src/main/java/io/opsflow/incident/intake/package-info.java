/**
 * Alert intake: what Alertmanager (or another sender of alerts) reports, deduplicated by fingerprint into
 * incidents. Offered to the demo history, which raises its past alerts through the same door.
 */
@NamedInterface("intake")
package io.opsflow.incident.intake;

import org.springframework.modulith.NamedInterface;
