package io.opsflow.feedback.triage;

/**
 * When feedback-triage's daily run starts ({@code opsflow.feedback.triage.schedule}), in the JVM's time zone.
 *
 * @param cron Camunda's cron: second, minute, hour, day of month, month, day of week ({@code 0 0 9 * * ?})
 */
public record TriageSchedule(String cron) {
}
