package io.opsflow.tasklist;

/**
 * A process variable Tasklist shows next to each task in every OpsFlow filter (for example the
 * incident key). Modules declare theirs as beans.
 */
public record TasklistColumn(String variable, String label) {
}
