/**
 * Users' feedback (舆情): what users of the services say, recorded from the support desk, app backends,
 * app-store exports and people; masked for privacy, its language, sentiment and complaint terms found
 * by an offline analyser ({@code analysis}: HanLP for Chinese words, VADER's rules for English), and
 * read as lists and insights. Other modules read through {@link io.opsflow.feedback.Feedback} (by
 * service and period); {@link io.opsflow.feedback.FeedbackIntake} records. {@code web} and
 * {@code persistence} are internal. It knows nothing of incidents, notifications or retrospectives,
 * so each of those may depend on it.
 */
@ApplicationModule(displayName = "Feedback", allowedDependencies = {
    "security", "catalog", "kernel :: domain", "kernel :: web", "kernel :: audit", "kernel :: text" })
package io.opsflow.feedback;

import org.springframework.modulith.ApplicationModule;
