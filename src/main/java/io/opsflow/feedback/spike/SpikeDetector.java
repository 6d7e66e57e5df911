package io.opsflow.feedback.spike;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.feedback.Feedback;
import io.opsflow.feedback.FeedbackItem;
import io.opsflow.feedback.FeedbackTexts;
import io.opsflow.feedback.IncidentFeedback;
import io.opsflow.feedback.NegativeSpikes;
import io.opsflow.feedback.Insights;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Reader;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;

/**
 * Negative spike → incident. Per service, the negative items of the last hour are compared with the
 * service's baseline (negative items per hour over the 7 days before that hour); whether that is a
 * spike is the {@code feedback-spike} decision, so teams tune the thresholds in the table, not here.
 * A spike opens an incident (source feedback, impact from the tier as for an alert, urgency high)
 * with sample items and the top complaint terms, at most one open per service (dedup key
 * {@code feedback-spike:<service>}), and publishes a {@code feedback.spike} notice.
 *
 * <p>Times are item times ({@code occurredAt}): an app-store export of yesterday's reviews shows
 * yesterday's spike in the baseline, not a spike now. {@link SpikeSchedule} runs it; tests call it.
 */
@Component
class SpikeDetector implements NegativeSpikes {

  static final String DECISION = "feedback-spike";
  static final Duration WINDOW = Duration.ofHours(1);
  static final Duration BASELINE = Duration.ofDays(7);
  static final int SAMPLE_ITEMS = 5;
  static final int TOP_TERMS = 5;
  private static final int SAMPLE_CHARACTERS = 300;
  private static final Logger log = LoggerFactory.getLogger(SpikeDetector.class);

  /** What one check found; {@code incidentKey} is set only when this check opened the incident. */
  record SpikeCheck(String service, long negativeCount, double baselineHourly, boolean spike, String reason,
      String incidentKey) {
  }

  private final Feedback feedback;
  private final IncidentFeedback incidentFeedback;
  private final ServiceCatalog catalog;
  private final Incidents incidents;
  private final Notifications notifications;
  private final Decisions decisions;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Installation installation;

  SpikeDetector(Feedback feedback, IncidentFeedback incidentFeedback, ServiceCatalog catalog, Incidents incidents,
      Notifications notifications, Decisions decisions, TransactionTemplate transactions, Clock clock,
      Installation installation) {
    this.feedback = feedback;
    this.incidentFeedback = incidentFeedback;
    this.catalog = catalog;
    this.incidents = incidents;
    this.notifications = notifications;
    this.decisions = decisions;
    this.transactions = transactions;
    this.clock = clock;
    this.installation = installation;
  }

  /** Checks every catalog service, each in its own transaction: one that fails does not stop the others. */
  List<SpikeCheck> runOnce() {
    List<SpikeCheck> checks = new ArrayList<>();
    for (Service service : catalog.list()) {
      try {
        checks.add(check(service.key()));
      } catch (RuntimeException e) {
        log.warn("Checking the feedback of {} for a negative spike failed; the next run tries again: {}",
            service.key(), e.toString());
      }
    }
    return checks;
  }

  /** Checks one service now and opens its incident when the decision calls it a spike and none is open. */
  SpikeCheck check(String serviceKey) {
    return transactions.execute(status -> checkInTransaction(catalog.get(serviceKey)));
  }

  @Override
  public Optional<String> checkNow(String service) {
    return Optional.ofNullable(check(service).incidentKey());
  }

  private SpikeCheck checkInTransaction(Service service) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant since = now.minus(WINDOW);
    long count = feedback.negativeCount(service.key(), since, now);
    if (count == 0) {
      // nothing to rise: skip the decision, whose every evaluation Camunda keeps in its history
      return new SpikeCheck(service.key(), 0, 0, false, "no negative items in the last hour", null);
    }
    double baseline = feedback.negativeCount(service.key(), since.minus(BASELINE), since)
        / (double) BASELINE.dividedBy(WINDOW);
    Map<String, Object> in = new HashMap<>();
    in.put("negativeCount", count);
    in.put("baselineHourly", baseline);
    in.put("ratio", baseline == 0 ? null : count / baseline);
    Map<String, Object> out = decisions.single(DECISION, in);
    boolean spike = Boolean.TRUE.equals(out.get("spike"));
    String reason = String.valueOf(out.get("reason"));
    if (!spike) {
      return new SpikeCheck(service.key(), count, baseline, false, reason, null);
    }
    Optional<Incident> opened = open(service, since, now, count, baseline, reason);
    opened.ifPresent(incident -> publish(service, incident, count, since));
    link(service.key(), opened, since, now);
    return new SpikeCheck(service.key(), count, baseline, true, reason,
        opened.map(Incident::incidentKey).orElse(null));
  }

  private Optional<Incident> open(Service service, Instant since, Instant now, long count, double baseline,
      String reason) {
    Map<String, Object> tier = new HashMap<>();
    tier.put("serviceTier", service.tier());
    String impact = (String) decisions.single("alert-impact", tier).get("impact");
    return incidents.openOnce(dedupKey(service.key()), new IncidentReport(service.key(), title(service.key()),
        description(service.key(), since, now, count, baseline, reason), impact, "high", IncidentSource.FEEDBACK,
        "opsflow"));
  }

  private String description(String service, Instant since, Instant now, long count, double baseline, String reason) {
    List<Insights.TermCount> terms = feedback.topComplaints(service, since, now, TOP_TERMS);
    List<FeedbackItem> samples = feedback.negativeItems(service, since, now, SAMPLE_ITEMS);
    Reader reader = installation.reader();
    StringBuilder text = new StringBuilder(FeedbackTexts.say(reader, "spike.summary", "count", count, "service", service,
        "since", since, "baseline", String.format(Locale.ROOT, "%.2f", baseline), "reason", reason)).append("\n");
    if (!terms.isEmpty()) {
      text.append(FeedbackTexts.say(reader, "spike.terms", "terms", terms.stream()
          .map(term -> FeedbackTexts.say(reader, "spike.term", "term", term.term(), "count", term.count())).toList()))
          .append("\n");
    }
    text.append(FeedbackTexts.say(reader, "spike.samples")).append("\n");
    for (FeedbackItem item : samples) {
      text.append(FeedbackTexts.sample(reader, item.id(), null, item.channel(), item.rating(), item.occurredAt(),
          item.text(), SAMPLE_CHARACTERS)).append("\n");
    }
    return text.append(FeedbackTexts.say(reader, "spike.all", "url", "GET /api/feedback?service=" + service
        + "&sentiment=negative&from=" + since + "&to=" + now)).toString();
  }

  /**
   * Links the window's negative items to the incident this check opened, or to the one that holds the
   * service's spike while it is open: the items that keep coming belong to the same trouble.
   */
  private void link(String service, Optional<Incident> opened, Instant since, Instant now) {
    Optional<String> incidentKey = opened.map(Incident::incidentKey).or(() -> incidents.holding(dedupKey(service)));
    incidentKey.ifPresent(key -> {
      int linked = incidentFeedback.linkNegatives(key, service, since, now);
      if (opened.isPresent()) {
        incidents.addEntry(key, "feedback", "opsflow", FeedbackTexts.say(installation.reader(), "spike.linked", "count",
            linked, "incident", key));
      }
    });
  }

  private void publish(Service service, Incident incident, long count, Instant since) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("title", incident.title());
    facts.put("count", count);
    facts.put("since", installation.time(since));
    notifications.publish(Notice.of("feedback.spike:" + service.key() + ":" + incident.incidentKey(),
            NoticeEvent.FEEDBACK_SPIKE, incident.incidentKey())
        .withService(service.key())
        .withGroups(List.of(incident.onCallGroup(), service.devGroup()))
        .withFacts(facts)
        .withLink("/api/incidents/" + incident.incidentKey()));
  }

  private String title(String service) {
    return FeedbackTexts.say(installation.reader(), "spike.title", "service", service);
  }

  static String dedupKey(String service) {
    return "feedback-spike:" + service;
  }
}
