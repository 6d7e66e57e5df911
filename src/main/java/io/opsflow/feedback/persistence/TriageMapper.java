package io.opsflow.feedback.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.feedback.Sentiment;
import io.opsflow.feedback.TriageState;

/** Feedback triages and the items they took. Times are UTC. */
@Mapper
public interface TriageMapper {

  /** An item a run may take: not taken by any triage yet. */
  record Candidate(long feedbackId, Sentiment sentiment, String body, Instant occurredAt) {
  }

  record ItemTerm(long feedbackId, String term) {
  }

  record Row(String triageKey, String serviceKey, String topic, int itemCount, Instant firstAt, Instant lastAt,
      TriageState state, Instant dueAt, Instant escalatedAt, String backlogLink, String reply, String dismissReason,
      String decidedBy, Instant decidedAt, String processInstanceId, Instant createdAt) {
  }

  /** What the items a triage holds span. */
  record Span(int itemCount, Instant firstAt, Instant lastAt) {
  }

  /** Narrows the list; a null field does not narrow, an empty {@code services} list leaves nothing. */
  record Filter(String service, TriageState state, List<String> services) {
  }

  /**
   * No upper bound: times are stored in whole seconds, so an item received in the second a run starts
   * would be left out by one; an item received while the run works is taken by this run or the next.
   */
  String UNTAKEN = """
      service_key = #{service} AND triage_key IS NULL AND received_at >= #{since}""";

  @Select("SELECT feedback_id, sentiment, body, occurred_at FROM feedback WHERE " + UNTAKEN + " ORDER BY feedback_id")
  List<Candidate> untaken(@Param("service") String service, @Param("since") Instant since);

  /** The stored terms of the untaken (negative) items, alphabetically per item. */
  @Select("SELECT t.feedback_id, t.term FROM feedback_term t JOIN feedback f ON f.feedback_id = t.feedback_id WHERE "
      + "f." + UNTAKEN + " ORDER BY t.feedback_id, t.term")
  List<ItemTerm> untakenTerms(@Param("service") String service, @Param("since") Instant since);

  @Insert("""
      INSERT INTO feedback_triage (triage_key, service_key, topic, item_count, first_at, last_at, state, due_at,
        created_at)
      VALUES (#{triageKey}, #{serviceKey}, #{topic}, #{itemCount}, #{firstAt}, #{lastAt}, #{state}, #{dueAt},
        #{createdAt})""")
  void insert(Row row);

  /** Takes those of the items no triage has taken yet (a concurrent run may have); how many it took. */
  @Update("""
      <script>UPDATE feedback SET triage_key = #{key} WHERE triage_key IS NULL AND feedback_id IN
      <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach></script>""")
  int take(@Param("key") String triageKey, @Param("ids") List<Long> feedbackIds);

  @Select("SELECT COUNT(*) AS item_count, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at FROM feedback"
      + " WHERE triage_key = #{key}")
  Span span(@Param("key") String triageKey);

  @Update("""
      UPDATE feedback_triage SET item_count = #{span.itemCount}, first_at = #{span.firstAt}, last_at = #{span.lastAt}
      WHERE triage_key = #{key}""")
  void setSpan(@Param("key") String triageKey, @Param("span") Span span);

  @Delete("DELETE FROM feedback_triage WHERE triage_key = #{key}")
  void delete(@Param("key") String triageKey);

  @Update("UPDATE feedback_triage SET process_instance_id = #{id} WHERE triage_key = #{key}")
  void setProcessInstance(@Param("key") String triageKey, @Param("id") String processInstanceId);

  /** Records the decision of an open triage; 0 when it is decided already. */
  @Update("""
      UPDATE feedback_triage SET state = #{state}, backlog_link = #{link}, reply = #{reply},
        dismiss_reason = #{reason}, decided_by = #{by}, decided_at = #{at}
      WHERE triage_key = #{key} AND state = 'open'""")
  int decide(@Param("key") String triageKey, @Param("state") TriageState state, @Param("link") String backlogLink,
      @Param("reply") String reply, @Param("reason") String dismissReason, @Param("by") String decidedBy,
      @Param("at") Instant decidedAt);

  @Update("UPDATE feedback SET reply = #{reply} WHERE triage_key = #{key}")
  int replyToItems(@Param("key") String triageKey, @Param("reply") String reply);

  @Update("UPDATE feedback_triage SET escalated_at = #{at} WHERE triage_key = #{key} AND escalated_at IS NULL")
  int escalated(@Param("key") String triageKey, @Param("at") Instant at);

  /** The items a triage took, negatives first, then newest first, at most {@code limit}. */
  @Select("""
      SELECT feedback_id, service_key, version, channel, external_id, body, rating, occurred_at, received_at, user_hash,
        language, sentiment, score, triage_key, reply
      FROM feedback WHERE triage_key = #{key}
      ORDER BY CASE WHEN sentiment = 'negative' THEN 0 ELSE 1 END, occurred_at DESC, feedback_id DESC
      LIMIT #{limit}""")
  List<FeedbackMapper.Row> items(@Param("key") String triageKey, @Param("limit") int limit);

  String COLUMNS = """
      triage_key, service_key, topic, item_count, first_at, last_at, state, due_at, escalated_at, backlog_link, reply,
      dismiss_reason, decided_by, decided_at, process_instance_id, created_at""";

  @Select("SELECT " + COLUMNS + " FROM feedback_triage WHERE triage_key = #{key}")
  Row find(@Param("key") String triageKey);

  String WHERE = """
      <where>
        <if test="f.service != null">service_key = #{f.service}</if>
        <if test="f.state != null">AND state = #{f.state}</if>
        <if test="f.services != null">AND service_key IN
          <foreach item="s" collection="f.services" open="(" separator="," close=")">#{s}</foreach></if>
      </where>""";

  @Select("<script>SELECT " + COLUMNS + " FROM feedback_triage" + WHERE
      + " ORDER BY created_at DESC, triage_key DESC LIMIT #{limit} OFFSET #{offset}</script>")
  List<Row> search(@Param("f") Filter filter, @Param("offset") long offset, @Param("limit") int limit);

  @Select("<script>SELECT COUNT(*) FROM feedback_triage" + WHERE + "</script>")
  long count(@Param("f") Filter filter);
}
