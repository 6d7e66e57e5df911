package io.opsflow.lifecycle.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.opsflow.change.Changes;
import io.opsflow.change.Release;
import io.opsflow.feedback.Feedback;
import io.opsflow.feedback.FeedbackSummary;
import io.opsflow.feedback.Sentiment;
import io.opsflow.incident.IncidentDetails;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.kernel.text.Installation;
import io.opsflow.lifecycle.UsageFacts;
import io.opsflow.lifecycle.UsageReport;
import io.opsflow.lifecycle.UsageSettings;

/**
 * The daily launch report of the hypercare period: for the day just over, the deployments, incidents by
 * priority, feedback volume and sentiment against the day before, and the usage of the features since
 * the launch with the ones flagged.
 */
@Component
class LaunchReporting {

  static final int MAX_LISTED = 1000;

  private final Changes changes;
  private final Incidents incidents;
  private final Feedback feedback;
  private final UsageFacts usage;
  private final UsageSettings settings;
  private final Installation installation;

  LaunchReporting(Changes changes, Incidents incidents, Feedback feedback, UsageFacts usage, UsageSettings settings,
      Installation installation) {
    this.changes = changes;
    this.incidents = incidents;
    this.feedback = feedback;
    this.usage = usage;
    this.settings = settings;
    this.installation = installation;
  }

  /** The report of hypercare day {@code day} (1 = the 24 hours after the hypercare started). */
  String report(Launch launch, int day) {
    Instant to = launch.hypercareStartedAt().plus(Duration.ofDays(day));
    Instant from = to.minus(Duration.ofDays(1));
    String service = launch.serviceKey();
    StringBuilder text = new StringBuilder();
    text.append("Launch report ").append(launch.launchKey()).append(", day ").append(day).append(" of ")
        .append(launch.hypercareDays()).append(": ").append(service).append(' ').append(launch.version())
        .append(" (").append(installation.time(from)).append(" – ").append(installation.time(to)).append(")\n");

    List<Release> releases = changes.releasedBetween(service, from, to, MAX_LISTED);
    text.append("\nDeployments: ").append(releases.size());
    releases.forEach(release -> text.append("\n- ").append(release.version()).append(" (").append(release.changeKey())
        .append(", ").append(installation.time(release.deployedAt())).append(')'));

    List<IncidentDetails> opened = incidents.onServiceBetween(service, from, to, MAX_LISTED);
    Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      byPriority.put(priority, 0L);
    }
    opened.forEach(incident -> byPriority.merge(incident.incident().priority(), 1L, Long::sum));
    text.append("\n\nIncidents opened: ").append(opened.size()).append(" (")
        .append(byPriority.entrySet().stream().map(entry -> entry.getKey().code() + " " + entry.getValue())
            .collect(Collectors.joining(", ")))
        .append(')');

    FeedbackSummary today = feedback.summary(service, from, to, 0);
    FeedbackSummary before = feedback.summary(service, from.minus(Duration.ofDays(1)), from, 0);
    text.append("\n\nFeedback: ").append(today.volume()).append(" items (day before ").append(before.volume())
        .append("); negative ").append(percent(today.shares().get(Sentiment.NEGATIVE))).append(" (day before ")
        .append(percent(before.shares().get(Sentiment.NEGATIVE))).append("); average score ")
        .append(score(today.averageScore())).append(" (day before ").append(score(before.averageScore())).append(')');

    LocalDate firstDay = launch.hypercareStartedAt().atZone(settings.zone()).toLocalDate();
    LocalDate lastDay = to.minusMillis(1).atZone(settings.zone()).toLocalDate();
    UsageReport used = usage.report(service, firstDay, lastDay);
    text.append("\n\nUsage since the launch (").append(firstDay).append(" – ").append(lastDay).append("): ");
    if (used.features().isEmpty()) {
      text.append("no usage facts reported yet");
    }
    used.features().forEach(feature -> text.append("\n- ").append(feature.feature()).append(": ").append(feature.uses())
        .append(" uses, share ").append(percent(feature.share()))
        .append(feature.flags().isEmpty() ? "" : " — " + feature.flags().stream().map(flag -> flag.code())
            .collect(Collectors.joining(", "))));
    return text.toString();
  }

  private static String percent(Double share) {
    return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String score(Double score) {
    return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
  }
}
