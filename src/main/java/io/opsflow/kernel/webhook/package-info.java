/**
 * Outgoing webhooks signed with a shared secret (deploy hooks, emergency plan actions).
 */
@NamedInterface("webhook")
package io.opsflow.kernel.webhook;

import org.springframework.modulith.NamedInterface;
