package io.opsflow.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.opsflow.feedback.persistence.FeedbackMapper;
import io.opsflow.kernel.domain.Refusal;

/**
 * What users said, for the API and for the modules that act on it (a negative spike opening an
 * incident, the feedback-triage process, a retrospective's facts, a release comparison): items and
 * figures by service and period. Read-only; {@link FeedbackIntake} records.
 */
@Component
public class Feedback {

  public static final int MAX_PAGE_SIZE = 200;
  static final int TOP_TERMS = 10;
  static final int TOP_TERMS_PER_GROUP = 5;
  /** The newest items of a channel a summary picks its samples from. */
  static final int SAMPLE_POOL = 50;

  /**
   * Words by which an item asks for something rather than only judging (建议, 希望…, "please add",
   * "would be nice"): such items are what a retrospective wants to read next to the complaints.
   */
  private static final Pattern SUGGESTION = Pattern.compile("建议|希望|能不能|能否|可不可以|可以增加|最好能|请增加|请添加|"
      + "\\b(suggest\\w*|please add|would be (nice|great|better)|wish|feature request|could you|should add|it would help)\\b",
      Pattern.CASE_INSENSITIVE);

  private final FeedbackMapper mapper;

  Feedback(FeedbackMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A page of items, newest first.
   *
   * @param q text the item contains (masked text, any case)
   */
  public FeedbackPage search(String service, Channel channel, Sentiment sentiment, Instant from, Instant to, String q,
      int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw Refusal.invalid("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ".");
    }
    checkWindow(from, to);
    FeedbackMapper.Filter filter = new FeedbackMapper.Filter(service, channel, sentiment, from, to, like(q));
    List<FeedbackItem> items = mapper.search(filter, (long) page * size, size).stream().map(Feedback::item).toList();
    return new FeedbackPage(items, page, size, mapper.count(filter));
  }

  /** The items of a service from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most {@code limit}. */
  public List<FeedbackItem> of(String service, Instant from, Instant to, int limit) {
    checkWindow(from, to);
    return mapper.search(new FeedbackMapper.Filter(service, null, null, from, to, null), 0, limit).stream()
        .map(Feedback::item).toList();
  }

  /** How many negative items the service received from {@code from} (inclusive) to {@code to} (exclusive). */
  public long negativeCount(String service, Instant from, Instant to) {
    checkWindow(from, to);
    return mapper.count(negative(service, from, to));
  }

  /** The newest negative items of the service in [from, to), at most {@code limit}. */
  public List<FeedbackItem> negativeItems(String service, Instant from, Instant to, int limit) {
    checkWindow(from, to);
    return mapper.search(negative(service, from, to), 0, limit).stream().map(Feedback::item).toList();
  }

  /** The most frequent complaint terms of the service in [from, to), most frequent first, at most {@code limit}. */
  public List<Insights.TermCount> topComplaints(String service, Instant from, Instant to, int limit) {
    checkWindow(from, to);
    return top(mapper.terms(new FeedbackMapper.Window(service, from, to), "all").stream()
        .map(count -> new Insights.TermCount(count.term(), count.count())).toList(), limit);
  }

  private static FeedbackMapper.Filter negative(String service, Instant from, Instant to) {
    return new FeedbackMapper.Filter(service, null, Sentiment.NEGATIVE, from, to, null);
  }

  /** Volume, average score, negative share, average rating and top complaint terms, in all and per group. */
  public Insights insights(String service, Instant from, Instant to, GroupBy groupBy) {
    checkWindow(from, to);
    FeedbackMapper.Filter filter = new FeedbackMapper.Filter(service, null, null, from, to, null);
    Map<String, List<Insights.TermCount>> terms = new LinkedHashMap<>();
    Map<String, Long> allTerms = new LinkedHashMap<>();
    for (FeedbackMapper.TermCount count : mapper.terms(new FeedbackMapper.Window(service, from, to), groupBy.code())) {
      terms.computeIfAbsent(count.groupKey(), key -> new java.util.ArrayList<>())
          .add(new Insights.TermCount(count.term(), count.count()));
      allTerms.merge(count.term(), count.count(), Long::sum);
    }
    List<FeedbackMapper.Group> groups = mapper.groups(filter, groupBy.code());
    List<Insights.Figures> figures = groups.stream().map(group -> figures(group.groupKey(), group.volume(),
        group.averageScore(), group.negative(), group.averageRating(), top(terms.getOrDefault(group.groupKey(),
            List.of()), TOP_TERMS_PER_GROUP))).toList();
    List<FeedbackMapper.Group> all = mapper.groups(filter, "all");
    FeedbackMapper.Group total = all.isEmpty() ? new FeedbackMapper.Group("all", 0, null, 0, null) : all.get(0);
    List<Insights.TermCount> topAll = top(allTerms.entrySet().stream()
        .map(entry -> new Insights.TermCount(entry.getKey(), entry.getValue())).toList(), TOP_TERMS);
    return new Insights(service, from, to, groupBy, figures("all", total.volume(), total.averageScore(),
        total.negative(), total.averageRating(), topAll), figures);
  }

  private static Insights.Figures figures(String key, long volume, BigDecimal averageScore, long negative,
      BigDecimal averageRating, List<Insights.TermCount> top) {
    return new Insights.Figures(key, volume, round(averageScore), volume == 0 ? 0 : round(negative / (double) volume),
        round(averageRating), top);
  }

  private static List<Insights.TermCount> top(List<Insights.TermCount> counts, int limit) {
    return counts.stream().sorted(Comparator.comparingLong(Insights.TermCount::count).reversed()
        .thenComparing(Insights.TermCount::term)).limit(limit).collect(Collectors.toList());
  }

  private static Double round(BigDecimal value) {
    return value == null ? null : value.setScale(3, RoundingMode.HALF_UP).doubleValue();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void checkWindow(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw Refusal.invalid("from must lie before to.");
    }
  }

  /** The text for LIKE with '!' escaping its wildcards, or null. */
  private static String like(String q) {
    return q == null || q.isEmpty() ? null : q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /**
   * The figures of a period and a few items of every channel that has some: negatives first, then
   * suggestions, then the rest, newest first within each.
   *
   * @param samplesPerChannel at most this many items of a channel (0 for none)
   */
  public FeedbackSummary summary(String service, Instant from, Instant to, int samplesPerChannel) {
    Insights insights = insights(service, from, to, GroupBy.CHANNEL);
    Insights.Figures total = insights.total();
    Map<Sentiment, Double> shares = new EnumMap<>(Sentiment.class);
    for (Sentiment sentiment : Sentiment.values()) {
      long count = total.volume() == 0 ? 0
          : mapper.count(new FeedbackMapper.Filter(service, null, sentiment, from, to, null));
      shares.put(sentiment, total.volume() == 0 ? 0 : round(count / (double) total.volume()));
    }
    Map<Channel, List<FeedbackItem>> samples = new LinkedHashMap<>();
    if (samplesPerChannel > 0) {
      for (Insights.Figures group : insights.groups()) {
        Channel channel = channel(group.key());
        List<FeedbackItem> pool = search(service, channel, null, from, to, null, 0, SAMPLE_POOL).items();
        samples.put(channel, pool.stream().sorted(Comparator.comparingInt(Feedback::sampleRank)).limit(samplesPerChannel)
            .toList());
      }
    }
    return new FeedbackSummary(total.volume(), total.averageScore(), shares, total.averageRating(),
        total.topComplaints(), samples);
  }

  private static Channel channel(String code) {
    return Arrays.stream(Channel.values()).filter(channel -> channel.code().equals(code)).findFirst().orElseThrow();
  }

  /** Whether the text asks for something (a suggestion) rather than only judging. */
  public static boolean suggests(String text) {
    return text != null && SUGGESTION.matcher(text).find();
  }

  /** Negatives first, then suggestions, then the rest; the sort is stable, so newest first within each. */
  private static int sampleRank(FeedbackItem item) {
    if (item.sentiment() == Sentiment.NEGATIVE) {
      return 0;
    }
    return suggests(item.text()) ? 1 : 2;
  }

  /**
   * A release against the one before it: the items naming {@code version} against those naming the
   * previous version.
   *
   * @param previousVersion the version the service ran before (its previous successful change), or null
   *     to take the version of the service's latest item before {@code before} that names another version
   * @param before when the release was asked for; only with {@code previousVersion} null
   */
  public ReleaseComparison compare(String service, String version, String previousVersion, Instant before) {
    String previous = previousVersion != null ? previousVersion
        : before == null ? null : mapper.latestOtherVersion(service, version, before);
    ReleaseComparison.Side current = side(service, version);
    if (previous == null || previous.equals(version)) {
      return new ReleaseComparison(service, current, null, null);
    }
    ReleaseComparison.Side earlier = side(service, previous);
    return new ReleaseComparison(service, current, earlier, new ReleaseComparison.Difference(
        current.volume() - earlier.volume(), less(current.averageScore(), earlier.averageScore()),
        current.volume() == 0 || earlier.volume() == 0 ? null : round(current.negativeShare() - earlier.negativeShare()),
        less(current.averageRating(), earlier.averageRating())));
  }

  private ReleaseComparison.Side side(String service, String version) {
    FeedbackMapper.Group group = mapper.ofVersion(service, version);
    return new ReleaseComparison.Side(version, group.volume(), round(group.averageScore()),
        group.volume() == 0 ? 0 : round(group.negative() / (double) group.volume()), round(group.averageRating()));
  }

  private static Double less(Double value, Double other) {
    return value == null || other == null ? null : round(value - other);
  }

  static FeedbackItem item(FeedbackMapper.Row row) {
    return new FeedbackItem(row.feedbackId(), row.serviceKey(), row.version(), row.channel(), row.externalId(),
        row.body(), row.rating(), row.occurredAt(), row.receivedAt(), row.language(), row.sentiment(),
        row.score().doubleValue(), row.triageKey(), row.reply());
  }
}
