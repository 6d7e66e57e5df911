package io.opsflow.notify;

import java.util.List;

/**
 * A message to people.
 *
 * @param reference the business key it is about (INC-2026-0042), for threading and links
 * @param groups the Camunda groups to reach
 */
public record Notification(String reference, List<String> groups, String subject, String body) {
}
