/**
 * Users' feedback (舆情): what users of the services say, recorded from the support desk, app backends,
 * app-store exports and people; masked for privacy, its language, sentiment and complaint terms found
 * by an offline analyser ({@code analysis}: HanLP for Chinese words, VADER's rules for English), and
 * read as lists and insights. Other modules read through {@link io.opsflow.feedback.Feedback} (by
 * service and period); {@link io.opsflow.feedback.FeedbackIntake} records. {@code web},
 * {@code persistence} and {@code spike} are internal. {@code spike} acts on a negative spike: it opens
 * an incident and notifies, so feedback depends on incident and notify; neither of them, nor any
 * module they depend on, may depend on feedback (retrospectives and changes may). {@code triage} holds the
 * steps of the feedback-triage process; {@link io.opsflow.feedback.FeedbackTriages} its records.
 */
@ApplicationModule(displayName = "Feedback", allowedDependencies = {
    "security", "catalog", "incident", "notify", "kernel :: domain", "kernel :: process", "kernel :: web",
    "kernel :: audit", "kernel :: text", "kernel :: keys", "tasklist" })
package io.opsflow.feedback;

import org.springframework.modulith.ApplicationModule;
