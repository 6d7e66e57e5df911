package io.opsflow.feedback.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Links between feedback items and the incidents that are about them. Times are UTC. */
@Mapper
public interface FeedbackLinkMapper {

  /** Links the service's negative items of the window that the incident does not have yet; answers how many. */
  @Insert("""
      INSERT INTO feedback_incident (incident_key, feedback_id, linked_at)
      SELECT #{incident}, f.feedback_id, #{at} FROM feedback f
      WHERE f.service_key = #{service} AND f.sentiment = 'negative' AND f.occurred_at >= #{from}
        AND f.occurred_at < #{to}
        AND NOT EXISTS (SELECT 1 FROM feedback_incident l WHERE l.incident_key = #{incident}
          AND l.feedback_id = f.feedback_id)""")
  int linkNegatives(@Param("incident") String incidentKey, @Param("service") String service,
      @Param("from") Instant from, @Param("to") Instant to, @Param("at") Instant at);

  @Select("""
      SELECT f.feedback_id, f.service_key, f.version, f.channel, f.external_id, f.body, f.rating, f.occurred_at,
        f.received_at, f.user_hash, f.language, f.sentiment, f.score, f.triage_key, f.reply
      FROM feedback_incident l JOIN feedback f ON f.feedback_id = l.feedback_id
      WHERE l.incident_key = #{incident}
      ORDER BY f.occurred_at DESC, f.feedback_id DESC LIMIT #{limit} OFFSET #{offset}""")
  List<FeedbackMapper.Row> linked(@Param("incident") String incidentKey, @Param("offset") long offset,
      @Param("limit") int limit);

  @Select("SELECT COUNT(*) FROM feedback_incident WHERE incident_key = #{incident}")
  long countLinked(@Param("incident") String incidentKey);
}
