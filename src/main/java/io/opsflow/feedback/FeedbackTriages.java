package io.opsflow.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.feedback.analysis.TextAnalyzer;
import io.opsflow.feedback.persistence.FeedbackMapper;
import io.opsflow.feedback.persistence.TriageMapper;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Texts;
import io.opsflow.security.Groups;

/**
 * feedback-triage's records. A run ({@link #run}) groups the new negative and suggestion items of every
 * service per topic and opens one triage per group, each with its own process instance (business key
 * = triage key) whose task goes to the service's dev group; the decision (accept into the backlog,
 * answer the users, dismiss) is recorded here. An item is taken by at most one triage: a run takes
 * only items no triage has, so a retried or a second concurrent run opens nothing twice.
 */
@Component
public class FeedbackTriages {

  public static final String PROCESS_KEY = "feedback-triage";
  /** Starts one triage's process instance; sent by {@link #run} only. */
  public static final String MESSAGE_OPENED = "FeedbackTriageOpened";
  /** The topic of the items without a complaint term. */
  public static final String OTHER = "other";
  public static final int MAX_PAGE_SIZE = 200;
  public static final int MAX_LINK = 500;
  public static final int MAX_REPLY = 2000;
  public static final int MAX_REASON = 2000;
  /** The items a task shows, and the most items a single triage's API answer lists. */
  static final int TASK_SAMPLES = 5;
  static final int LISTED_ITEMS = 100;
  private static final int SAMPLE_CHARACTERS = 500;
  private static final int TOPIC_MAX = 40;
  /** How many ids one statement takes: a group of thousands is taken in several. */
  private static final int TAKE_CHUNK = 500;
  private static final Set<String> READ_ALL = Set.of(Groups.OPS, Groups.MANAGER, Groups.ADMIN);

  private final TriageMapper mapper;
  private final ServiceCatalog catalog;
  private final TextAnalyzer analyzer;
  private final BusinessKeys keys;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration due;
  private final Duration lookBack;
  private final Installation installation;

  FeedbackTriages(TriageMapper mapper, ServiceCatalog catalog, TextAnalyzer analyzer, BusinessKeys keys,
      RuntimeService runtimeService, ApplicationEventPublisher events, Clock clock,
      @Value("${opsflow.feedback.triage.due:P3D}") Duration due,
      @Value("${opsflow.feedback.triage.look-back:P7D}") Duration lookBack, Installation installation) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.analyzer = analyzer;
    this.keys = keys;
    this.runtimeService = runtimeService;
    this.events = events;
    this.clock = clock;
    this.due = due;
    this.lookBack = lookBack;
    this.installation = installation;
  }

  /**
   * Groups the items received in the look-back that no triage has taken, negatives and suggestions,
   * per service and topic, and opens a triage for each group: all of them or none (one transaction,
   * the caller's when there is one, as for the daily run's step, whose retry then starts afresh).
   *
   * @return the triages opened, none when there was nothing new
   */
  @Transactional
  public List<Triage> run() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Triage> opened = new ArrayList<>();
    for (Service service : catalog.list()) {
      for (Map.Entry<String, List<TriageMapper.Candidate>> group : groups(service.key(), now.minus(lookBack))
          .entrySet()) {
        String key = open(service, group.getKey(), group.getValue(), now);
        if (key != null) {
          opened.add(get(key, false));
        }
      }
    }
    return opened;
  }

  /** The service's untaken negatives and suggestions by topic, the largest group first. */
  private Map<String, List<TriageMapper.Candidate>> groups(String service, Instant since) {
    List<TriageMapper.Candidate> wanted = mapper.untaken(service, since).stream()
        .filter(item -> item.sentiment() == Sentiment.NEGATIVE || Feedback.suggests(item.body())).toList();
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<String>> terms = new HashMap<>();
    mapper.untakenTerms(service, since).forEach(term ->
        terms.computeIfAbsent(term.feedbackId(), id -> new ArrayList<>()).add(term.term()));
    for (TriageMapper.Candidate item : wanted) {
      // only negative items have their terms stored; a suggestion's are found now, as intake would
      terms.computeIfAbsent(item.feedbackId(), id -> analyzer.analyze(item.body()).terms());
    }
    Map<String, Long> frequency = wanted.stream().flatMap(item -> terms.get(item.feedbackId()).stream().distinct())
        .collect(Collectors.groupingBy(term -> term, Collectors.counting()));
    Map<String, List<TriageMapper.Candidate>> byTopic = new HashMap<>();
    for (TriageMapper.Candidate item : wanted) {
      String topic = terms.get(item.feedbackId()).stream()
          .max(Comparator.comparingLong(frequency::get)).map(FeedbackTriages::topic).orElse(OTHER);
      byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(item);
    }
    return byTopic.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, List<TriageMapper.Candidate>>>comparingInt(e -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** The most telling term of an item: the one most of its service's new items share (the first of a tie). */
  private static String topic(String term) {
    return term.codePointCount(0, term.length()) <= TOPIC_MAX ? term
        : term.substring(0, term.offsetByCodePoints(0, TOPIC_MAX));
  }

  /** Opens the group's triage and its process; null when a concurrent run took all its items first. */
  private String open(Service service, String topic, List<TriageMapper.Candidate> items, Instant now) {
    String key = keys.next("TRIAGE");
    Instant first = items.stream().map(TriageMapper.Candidate::occurredAt).min(Comparator.naturalOrder()).orElse(now);
    Instant last = items.stream().map(TriageMapper.Candidate::occurredAt).max(Comparator.naturalOrder()).orElse(now);
    Instant dueAt = now.plus(due);
    mapper.insert(new TriageMapper.Row(key, service.key(), topic, items.size(), first, last, TriageState.OPEN, dueAt,
        null, null, null, null, null, null, null, now));
    List<Long> ids = items.stream().map(TriageMapper.Candidate::feedbackId).toList();
    int taken = 0;
    for (int from = 0; from < ids.size(); from += TAKE_CHUNK) {
      taken += mapper.take(key, ids.subList(from, Math.min(ids.size(), from + TAKE_CHUNK)));
    }
    if (taken == 0) {
      mapper.delete(key);
      return null;
    }
    TriageMapper.Span span = mapper.span(key);
    if (taken < ids.size()) {
      mapper.setSpan(key, span);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("triageKey", key);
    variables.put("service", service.key());
    variables.put("devGroup", service.devGroup());
    variables.put("topic", topic);
    variables.put("itemCount", span.itemCount());
    variables.put("period", installation.time(span.firstAt()) + " – " + installation.time(span.lastAt()));
    variables.put("samples", Texts.forVariable(samples(key), "GET /api/feedback/triage/" + key,
        installation.spoken()));
    variables.put("triageDueAt", Date.from(dueAt));
    ProcessInstance process = runtimeService.createMessageCorrelation(MESSAGE_OPENED).processInstanceBusinessKey(key)
        .setVariables(variables).correlateStartMessage();
    mapper.setProcessInstance(key, process.getId());
    events.publishEvent(AuditEvent.of("feedback.triage.opened", key).by("opsflow")
        .details(span.itemCount() + " item(s) of " + service.key() + " about '" + topic + "' for " + service.devGroup()));
    return key;
  }

  /** The task's sample items, one per line, masked as stored. */
  private String samples(String key) {
    StringBuilder text = new StringBuilder();
    for (FeedbackMapper.Row row : mapper.items(key, TASK_SAMPLES)) {
      text.append(FeedbackTexts.sample(installation.reader(), row.feedbackId(), row.sentiment(), row.channel(),
          row.rating(), row.occurredAt(), row.body(), SAMPLE_CHARACTERS)).append("\n");
    }
    return text.toString().stripTrailing();
  }

  /** Records the decision of an open triage; a triage decided already is a conflict. */
  @Transactional
  public Triage decide(String key, TriageDecision decision, String text, String by) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int changed = mapper.decide(key, decision.state(), decision == TriageDecision.ACCEPT ? text : null,
        decision == TriageDecision.ANSWER ? text : null, decision == TriageDecision.DISMISS ? text : null, by, now);
    if (changed == 0) {
      throw mapper.find(key) == null ? Refusal.notFound("There is no feedback triage " + key + ".")
          : Refusal.conflict("Feedback triage " + key + " is decided already.");
    }
    if (decision == TriageDecision.ANSWER) {
      mapper.replyToItems(key, text);
    }
    events.publishEvent(AuditEvent.of("feedback.triage." + decision.state().code(), key).by(by)
        .details(Texts.clip(text, 200)));
    return get(key, false);
  }

  /** The triage went to the managers (once). */
  @Transactional
  public Triage escalated(String key) {
    mapper.escalated(key, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return get(key, false);
  }

  /** A triage by its key; {@code withItems}: with its items (at most {@value #LISTED_ITEMS}). */
  public Triage get(String key, boolean withItems) {
    TriageMapper.Row row = mapper.find(key);
    if (row == null) {
      throw Refusal.notFound("There is no feedback triage " + key + ".");
    }
    return triage(row, withItems ? mapper.items(key, LISTED_ITEMS).stream().map(Feedback::item).toList() : null);
  }

  /** A triage as someone in {@code groups} may read it: ops, managers and the service's dev group. */
  public Triage read(String key, List<String> groups) {
    Triage triage = get(key, true);
    if (!readsAll(groups) && !visibleServices(groups).contains(triage.service())) {
      throw Refusal.notFound("There is no feedback triage " + key + ".");
    }
    return triage;
  }

  /** A page of the triages someone in {@code groups} may read, newest first. */
  public TriagePage search(String service, TriageState state, int page, int size, List<String> groups) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw Refusal.invalid("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ".");
    }
    List<String> services = readsAll(groups) ? null : visibleServices(groups);
    if (services != null && services.isEmpty()) {
      return new TriagePage(List.of(), page, size, 0);
    }
    TriageMapper.Filter filter = new TriageMapper.Filter(service, state, services);
    List<Triage> triages = mapper.search(filter, (long) page * size, size).stream().map(row -> triage(row, null))
        .toList();
    return new TriagePage(triages, page, size, mapper.count(filter));
  }

  private static boolean readsAll(List<String> groups) {
    return groups.stream().anyMatch(READ_ALL::contains);
  }

  private List<String> visibleServices(List<String> groups) {
    return catalog.list().stream().filter(service -> groups.contains(service.devGroup())).map(Service::key).toList();
  }

  private static Triage triage(TriageMapper.Row row, List<FeedbackItem> items) {
    return new Triage(row.triageKey(), row.serviceKey(), row.topic(), row.itemCount(), row.firstAt(), row.lastAt(),
        row.state(), row.dueAt(), row.escalatedAt(), row.backlogLink(), row.reply(), row.dismissReason(),
        row.decidedBy(), row.decidedAt(), row.createdAt(), items);
  }
}
