package io.opsflow.feedback.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.AutomapConstructor;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import io.opsflow.feedback.Channel;
import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;

/** Feedback items and the terms of the negative ones. Times are UTC. */
@Mapper
public interface FeedbackMapper {

  record Row(long feedbackId, String serviceKey, String version, Channel channel, String externalId, String body,
      Integer rating, Instant occurredAt, Instant receivedAt, String userHash, Language language, Sentiment sentiment,
      BigDecimal score, String triageKey, String reply) {

    @AutomapConstructor
    public Row {
    }

    /** A new item: no triage has taken it, nobody answered it. */
    public Row(long feedbackId, String serviceKey, String version, Channel channel, String externalId, String body,
        Integer rating, Instant occurredAt, Instant receivedAt, String userHash, Language language, Sentiment sentiment,
        BigDecimal score) {
      this(feedbackId, serviceKey, version, channel, externalId, body, rating, occurredAt, receivedAt, userHash,
          language, sentiment, score, null, null);
    }
  }

  /** A row to insert; MyBatis sets {@link #feedbackId} from the generated key. */
  final class NewRow {
    public Long feedbackId;
    public final Row row;
    public final String recordedBy;

    public NewRow(Row row, String recordedBy) {
      this.row = row;
      this.recordedBy = recordedBy;
    }
  }

  /** What the list and the insights are narrowed to; null fields do not narrow. */
  record Filter(String service, Channel channel, Sentiment sentiment, Instant from, Instant to, String q) {
  }

  /** One group of the insights: a day ({@code 2026-11-27}), a version or a channel. */
  record Group(String groupKey, long volume, BigDecimal averageScore, long negative, BigDecimal averageRating) {
  }

  /** The complaint terms are narrowed to these; null fields do not narrow. */
  record Window(String service, Instant from, Instant to) {
  }

  record TermCount(String groupKey, String term, long count) {
  }

  @Insert("""
      INSERT INTO feedback (service_key, version, channel, external_id, body, rating, occurred_at, received_at,
        user_hash, language, sentiment, score, recorded_by)
      VALUES (#{row.serviceKey}, #{row.version}, #{row.channel}, #{row.externalId}, #{row.body}, #{row.rating},
        #{row.occurredAt}, #{row.receivedAt}, #{row.userHash}, #{row.language}, #{row.sentiment}, #{row.score},
        #{recordedBy})""")
  @Options(useGeneratedKeys = true, keyProperty = "feedbackId", keyColumn = "feedback_id")
  void insert(NewRow row);

  /**
   * The terms of an inserted item (not empty), each with the item's service, time, version and
   * channel: the complaint terms are counted from these copies alone.
   */
  @Insert("""
      <script>INSERT INTO feedback_term (feedback_id, term, service_key, occurred_at, version, channel) VALUES
      <foreach item="term" collection="terms" separator=",">(#{item.feedbackId}, #{term}, #{item.row.serviceKey},
        #{item.row.occurredAt}, #{item.row.version}, #{item.row.channel})</foreach></script>""")
  void insertTerms(@Param("item") NewRow item, @Param("terms") Collection<String> terms);

  @Select("""
      SELECT feedback_id, service_key, version, channel, external_id, body, rating, occurred_at, received_at, user_hash,
        language, sentiment, score, triage_key, reply
      FROM feedback WHERE channel = #{channel} AND external_id = #{externalId}""")
  Row findByExternalId(@Param("channel") Channel channel, @Param("externalId") String externalId);

  String WHERE = """
      <where>
        <if test="f.service != null">service_key = #{f.service}</if>
        <if test="f.channel != null">AND channel = #{f.channel}</if>
        <if test="f.sentiment != null">AND sentiment = #{f.sentiment}</if>
        <if test="f.from != null">AND occurred_at &gt;= #{f.from}</if>
        <if test="f.to != null">AND occurred_at &lt; #{f.to}</if>
        <if test="f.q != null">AND LOWER(body) LIKE CONCAT('%', LOWER(#{f.q}), '%') ESCAPE '!'</if>
      </where>""";

  /**
   * A page, newest first. The page's ids are found first and only its rows are read: an index
   * holds the filter's columns and the order, so a deep page skips index entries, not rows.
   */
  @Select("<script>SELECT f.feedback_id, f.service_key, f.version, f.channel, f.external_id, f.body, f.rating,"
      + " f.occurred_at, f.received_at, f.user_hash, f.language, f.sentiment, f.score,"
      + " f.triage_key, f.reply FROM (SELECT feedback_id, occurred_at FROM feedback" + WHERE
      + " ORDER BY occurred_at DESC, feedback_id DESC LIMIT #{limit} OFFSET #{offset}) page"
      + " JOIN feedback f ON f.feedback_id = page.feedback_id"
      + " ORDER BY page.occurred_at DESC, page.feedback_id DESC</script>")
  List<Row> search(@Param("f") Filter filter, @Param("offset") long offset, @Param("limit") int limit);

  @Select("<script>SELECT COUNT(*) FROM feedback" + WHERE + "</script>")
  long count(@Param("f") Filter filter);

  /**
   * A day is grouped as a DATE (read as its text, {@code 2026-11-27}): grouping by its text instead
   * took MariaDB about twice as long at 1,000,000 items (InsightsBenchmark).
   */
  String GROUP = """
      <choose>
        <when test="groupBy == 'day'">CAST(occurred_at AS DATE)</when>
        <when test="groupBy == 'version'">COALESCE(version, '')</when>
        <when test="groupBy == 'channel'">channel</when>
        <otherwise>'all'</otherwise>
      </choose>""";

  @Select("<script>SELECT " + GROUP + " AS group_key, COUNT(*) AS volume, AVG(score) AS average_score,"
      + " SUM(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END) AS negative, AVG(rating) AS average_rating"
      + " FROM feedback" + WHERE + " GROUP BY " + GROUP + " ORDER BY group_key</script>")
  List<Group> groups(@Param("f") Filter filter, @Param("groupBy") String groupBy);

  /**
   * How often each term occurs in the negative items of each group (only they have terms), from the
   * terms' own copies of service, time, version and channel: one range of ix_feedback_term_insights.
   */
  @Select("<script>SELECT " + GROUP + " AS group_key, term, COUNT(*) AS count FROM feedback_term"
      + """
      <where>
        <if test="w.service != null">service_key = #{w.service}</if>
        <if test="w.from != null">AND occurred_at &gt;= #{w.from}</if>
        <if test="w.to != null">AND occurred_at &lt; #{w.to}</if>
      </where>"""
      + " GROUP BY " + GROUP + ", term</script>")
  List<TermCount> terms(@Param("w") Window window, @Param("groupBy") String groupBy);

  /** The figures of the items naming one version of a service (volume 0 when there are none). */
  @Select("""
      SELECT MAX(version) AS group_key, COUNT(*) AS volume, AVG(score) AS average_score,
        COALESCE(SUM(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END), 0) AS negative, AVG(rating) AS average_rating
      FROM feedback WHERE service_key = #{service} AND version = #{version}""")
  Group ofVersion(@Param("service") String service, @Param("version") String version);

  /** The version named by the service's latest item before {@code before} that names another version, or null. */
  @Select("""
      SELECT version FROM feedback
      WHERE service_key = #{service} AND version IS NOT NULL AND version <> #{version} AND occurred_at < #{before}
      ORDER BY occurred_at DESC, feedback_id DESC LIMIT 1""")
  String latestOtherVersion(@Param("service") String service, @Param("version") String version,
      @Param("before") Instant before);
}
