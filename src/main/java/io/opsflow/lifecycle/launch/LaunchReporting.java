package io.opsflow.lifecycle.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Reader;
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
  private static final Phrases PHRASES = Phrases.of("lifecycle");

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
    Reader reader = installation.reader();
    StringBuilder text = new StringBuilder();
    text.append(PHRASES.say(reader, "report.title", "launch", launch.launchKey(), "day", day, "days",
        launch.hypercareDays(), "service", service, "version", launch.version(), "from", from, "to", to)).append("\n");

    List<Release> releases = changes.releasedBetween(service, from, to, MAX_LISTED);
    text.append("\n").append(PHRASES.say(reader, "report.deployments", "count", releases.size()));
    releases.forEach(release -> text.append("\n").append(PHRASES.say(reader, "report.release", "version",
        release.version(), "change", release.changeKey(), "at", release.deployedAt())));

    List<IncidentDetails> opened = incidents.onServiceBetween(service, from, to, MAX_LISTED);
    Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      byPriority.put(priority, 0L);
    }
    opened.forEach(incident -> byPriority.merge(incident.incident().priority(), 1L, Long::sum));
    text.append("\n\n").append(PHRASES.say(reader, "report.incidents", "count", opened.size(), "byPriority",
        byPriority.entrySet().stream().map(entry -> PHRASES.say(reader, "report.priority", "priority",
            entry.getKey().code(), "count", entry.getValue())).toList()));

    FeedbackSummary today = feedback.summary(service, from, to, 0);
    FeedbackSummary before = feedback.summary(service, from.minus(Duration.ofDays(1)), from, 0);
    text.append("\n\n").append(PHRASES.say(reader, "report.feedback", "volume", today.volume(), "volumeBefore",
        before.volume(), "negative", percent(today.shares().get(Sentiment.NEGATIVE)), "negativeBefore",
        percent(before.shares().get(Sentiment.NEGATIVE)), "score", score(today.averageScore()), "scoreBefore",
        score(before.averageScore())));

    LocalDate firstDay = launch.hypercareStartedAt().atZone(settings.zone()).toLocalDate();
    LocalDate lastDay = to.minusMillis(1).atZone(settings.zone()).toLocalDate();
    UsageReport used = usage.report(service, firstDay, lastDay);
    text.append("\n\n").append(PHRASES.say(reader, "report.usage", "from", firstDay, "to", lastDay));
    if (used.features().isEmpty()) {
      text.append(PHRASES.say(reader, "report.usage.none"));
    }
    used.features().forEach(feature -> text.append("\n").append(PHRASES.say(reader, "report.feature", "feature",
        feature.feature(), "uses", feature.uses(), "share", percent(feature.share()), "flags",
        feature.flags().isEmpty() ? null : feature.flags().stream().map(flag -> flag.code()).toList())));
    return text.toString();
  }

  private static String percent(Double share) {
    return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String score(Double score) {
    return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
  }
}
