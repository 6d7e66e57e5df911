/**
 * Outgoing webhooks signed with a shared secret (deploy hooks, emergency plan actions, generic
 * notification channels): the Standard Webhooks signature, and HMAC-SHA256 for the chat vendors'
 * own schemes.
 */
@NamedInterface("webhook")
package io.opsflow.kernel.webhook;

import org.springframework.modulith.NamedInterface;
