package io.opsflow.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.feedback.analysis.PrivacyMask;
import io.opsflow.feedback.analysis.TextAnalysis;
import io.opsflow.feedback.analysis.TextAnalyzer;
import io.opsflow.feedback.analysis.UserRefHash;
import io.opsflow.feedback.persistence.FeedbackMapper;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.StorableTime;

/**
 * Records feedback: checks every item, masks what identifies a person, hashes the user reference,
 * analyses language, sentiment and terms, and stores it. A batch is one transaction: one bad item
 * refuses all ({@link InvalidItems} names them), so a caller can send it again whole. A repeat
 * (same channel and external id, also from a concurrent request) is answered with what was
 * recorded the first time.
 */
@Component
public class FeedbackIntake {

  public static final int MAX_BATCH = 1000;
  public static final int MAX_TEXT = 10_000;
  public static final int MAX_EXTERNAL_ID = 200;
  public static final int MAX_USER_REF = 200;
  public static final int MAX_VERSION = 100;
  /** How far ahead of OpsFlow's clock a source's clock may be. */
  static final Duration CLOCK_SKEW = Duration.ofDays(1);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r\\u200d]]");

  private final FeedbackMapper mapper;
  private final ServiceCatalog catalog;
  private final TextAnalyzer analyzer;
  private final UserRefHash userRefHash;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  FeedbackIntake(FeedbackMapper mapper, ServiceCatalog catalog, TextAnalyzer analyzer, UserRefHash userRefHash,
      ApplicationEventPublisher events, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.analyzer = analyzer;
    this.userRefHash = userRefHash;
    this.events = events;
    this.clock = clock;
  }

  /** All items or none. */
  @Transactional
  public List<Recorded> record(List<FeedbackDraft> items, String actor) {
    if (items.isEmpty() || items.size() > MAX_BATCH) {
      throw Refusal.invalid("A batch holds 1 to " + MAX_BATCH + " items, not " + items.size() + "; send more in"
          + " several requests.");
    }
    List<ItemError> errors = check(items, java.util.stream.IntStream.range(0, items.size()).boxed().toList());
    if (!errors.isEmpty()) {
      throw new InvalidItems(errors);
    }
    return store(items, actor);
  }

  /**
   * The problems of each item, named by its entry in {@code indexes} (a batch's index, a CSV row);
   * empty when all are fine. A service is looked up in the catalog once however many items name it.
   */
  public List<ItemError> check(List<FeedbackDraft> items, List<Integer> indexes) {
    List<ItemError> errors = new ArrayList<>();
    Map<String, Boolean> known = new HashMap<>();
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    for (int i = 0; i < items.size(); i++) {
      int index = indexes.get(i);
      FeedbackDraft item = items.get(i);
      if (item == null) {
        errors.add(new ItemError(index, null, "must be an object"));
        continue;
      }
      if (item.service() == null || item.service().isBlank()) {
        errors.add(new ItemError(index, "service", "is required"));
      } else if (!KEY.matcher(item.service()).matches()
          || !known.computeIfAbsent(item.service(), key -> catalog.find(key).isPresent())) {
        errors.add(new ItemError(index, "service", "'" + item.service() + "' is not a service in the catalog"));
      }
      if (item.channel() == null) {
        errors.add(new ItemError(index, "channel", "is required: in-app, app-store, support, social, survey or other"));
      }
      if (item.text() == null || item.text().isBlank()) {
        errors.add(new ItemError(index, "text", "must not be empty"));
      } else if (item.text().codePointCount(0, item.text().length()) > MAX_TEXT) {
        errors.add(new ItemError(index, "text", "is longer than " + MAX_TEXT + " characters"));
      }
      if (item.rating() != null && (item.rating() < 1 || item.rating() > 5)) {
        errors.add(new ItemError(index, "rating", "must be 1 to 5, not " + item.rating()));
      }
      if (item.occurredAt() != null && (!StorableTime.storable(item.occurredAt().toInstant())
          || item.occurredAt().toInstant().isAfter(latest))) {
        errors.add(new ItemError(index, "occurredAt", "must lie " + StorableTime.EARLIEST + " or later and not more"
            + " than a day ahead of now, not " + item.occurredAt()));
      }
      checkText(errors, index, "externalId", item.externalId(), MAX_EXTERNAL_ID, true);
      checkText(errors, index, "version", item.version(), MAX_VERSION, false);
      checkText(errors, index, "userRef", item.userRef(), MAX_USER_REF, false);
    }
    return errors;
  }

  private static void checkText(List<ItemError> errors, int index, String field, String value, int max,
      boolean required) {
    if (value == null) {
      if (required) {
        errors.add(new ItemError(index, field, "is required"));
      }
    } else if (value.isEmpty() || value.length() > max) {
      errors.add(new ItemError(index, field, "must be 1 to " + max + " characters"));
    } else if (!value.strip().equals(value) || CONTROL.matcher(value).find()) {
      errors.add(new ItemError(index, field, "must not start or end with a space or hold control characters"));
    }
  }

  /** Stores items already checked, in one transaction (the caller's, or a new one). */
  @Transactional
  public List<Recorded> store(List<FeedbackDraft> items, String actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Recorded> recorded = new ArrayList<>();
    Map<String, Integer> perService = new LinkedHashMap<>();
    for (FeedbackDraft item : items) {
      FeedbackMapper.Row earlier = mapper.findByExternalId(item.channel(), item.externalId());
      if (earlier != null) {
        recorded.add(repeat(earlier));
        continue;
      }
      String text = PrivacyMask.mask(item.text());
      TextAnalysis analysis = analyzer.analyze(text);
      Instant occurredAt = item.occurredAt() == null ? now : item.occurredAt().toInstant().truncatedTo(ChronoUnit.MILLIS);
      FeedbackMapper.NewRow row = new FeedbackMapper.NewRow(new FeedbackMapper.Row(0, item.service(), item.version(),
          item.channel(), item.externalId(), text, item.rating(), occurredAt, now,
          item.userRef() == null ? null : userRefHash.hash(item.userRef()),
          analysis.language(), analysis.sentiment(), BigDecimal.valueOf(analysis.score()).setScale(3, RoundingMode.HALF_UP)),
          actor);
      try {
        mapper.insert(row);
      } catch (DuplicateKeyException concurrent) {
        recorded.add(repeat(mapper.findByExternalId(item.channel(), item.externalId())));
        continue;
      }
      if (analysis.sentiment() == Sentiment.NEGATIVE && !analysis.terms().isEmpty()) {
        mapper.insertTerms(row, analysis.terms());
      }
      perService.merge(item.service(), 1, Integer::sum);
      recorded.add(new Recorded(row.feedbackId, item.externalId(), analysis.language(), analysis.sentiment(),
          analysis.score(), false));
    }
    perService.forEach((service, count) -> events.publishEvent(AuditEvent.of("feedback.recorded", service)
        .by(actor).details(count + " new feedback item(s)")));
    return recorded;
  }

  private static Recorded repeat(FeedbackMapper.Row row) {
    return new Recorded(row.feedbackId(), row.externalId(), row.language(), row.sentiment(), row.score().doubleValue(),
        true);
  }
}
