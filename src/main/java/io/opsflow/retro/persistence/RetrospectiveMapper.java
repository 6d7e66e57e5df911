package io.opsflow.retro.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.retro.ActionItem;
import io.opsflow.retro.ActionItemState;
import io.opsflow.retro.Finding;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.RetrospectiveState;

@Mapper
public interface RetrospectiveMapper {

  @Insert("""
      INSERT INTO retrospective (retro_key, subject_type, subject_key, service_key, window_start, window_end, state,
        requested_by, created_at)
      VALUES (#{retroKey}, #{subjectType}, #{subjectKey}, #{serviceKey}, #{windowStart}, #{windowEnd}, #{state},
        #{requestedBy}, #{createdAt})""")
  void insert(RetrospectiveInsert retrospective);

  @Select("SELECT * FROM retrospective WHERE retro_key = #{key}")
  Retrospective find(String key);

  @Select("SELECT * FROM retrospective WHERE subject_key = #{subjectKey}")
  Retrospective findBySubject(String subjectKey);

  /** Retrospectives not closed whose gathered facts name this key (as a JSON string: INC-1 is not INC-10). */
  @Select("SELECT * FROM retrospective WHERE state <> 'closed' AND facts LIKE CONCAT('%\"', #{key}, '\"%')")
  List<Retrospective> openNaming(String key);

  @Select("""
      <script>
      SELECT * FROM retrospective
      <where>
        <if test="service != null">service_key = #{service}</if>
        <if test="state != null">AND state = #{state}</if>
      </where>
      ORDER BY created_at DESC, retro_key DESC LIMIT 500
      </script>""")
  List<Retrospective> list(@Param("service") String service, @Param("state") RetrospectiveState state);

  @Update("UPDATE retrospective SET state = #{state} WHERE retro_key = #{key}")
  void setState(@Param("key") String key, @Param("state") RetrospectiveState state);

  @Update("UPDATE retrospective SET facts = #{facts}, window_end = #{windowEnd} WHERE retro_key = #{key}")
  void setFacts(@Param("key") String key, @Param("facts") String facts, @Param("windowEnd") Instant windowEnd);

  @Update("""
      UPDATE retrospective SET summary = #{summary}, went_well = #{wentWell}, went_wrong = #{wentWrong}, state = 'collecting'
      WHERE retro_key = #{key}""")
  void prepared(@Param("key") String key, @Param("summary") String summary, @Param("wentWell") String wentWell,
      @Param("wentWrong") String wentWrong);

  @Update("UPDATE retrospective SET root_causes = #{rootCauses}, state = 'improving' WHERE retro_key = #{key}")
  void reviewed(@Param("key") String key, @Param("rootCauses") String rootCauses);

  @Update("UPDATE retrospective SET published_at = #{at} WHERE retro_key = #{key}")
  void published(@Param("key") String key, @Param("at") Instant at);

  @Update("UPDATE retrospective SET state = 'closed', closed_at = #{at} WHERE retro_key = #{key}")
  void close(@Param("key") String key, @Param("at") Instant at);

  @Insert("""
      INSERT INTO retrospective_finding (retro_key, finding_group, finding, nothing_to_add, added_by, added_at)
      VALUES (#{retroKey}, #{findingGroup}, #{finding}, #{nothingToAdd}, #{addedBy}, #{addedAt})""")
  void insertFinding(Finding finding);

  @Select("SELECT * FROM retrospective_finding WHERE retro_key = #{key} ORDER BY finding_group")
  List<Finding> findings(String key);

  @Insert("""
      INSERT INTO action_item (item_key, retro_key, title, owner_group, due_date, state, escalated, created_at)
      VALUES (#{itemKey}, #{retroKey}, #{title}, #{ownerGroup}, #{dueDate}, #{state}, FALSE, #{createdAt})""")
  void insertItem(ActionItemInsert item);

  @Select("SELECT * FROM action_item WHERE retro_key = #{key} ORDER BY item_key")
  List<ActionItem> items(String key);

  @Select("SELECT * FROM action_item WHERE item_key = #{key}")
  ActionItem item(String key);

  @Update("""
      UPDATE action_item SET state = 'implemented', implementation_note = #{note}, implemented_by = #{by},
        implemented_at = #{at}
      WHERE item_key = #{key}""")
  void implemented(@Param("key") String key, @Param("note") String note, @Param("by") String by, @Param("at") Instant at);

  @Update("""
      UPDATE action_item SET state = #{state}, verification_note = #{note}, verified_by = #{by}, verified_at = #{at}
      WHERE item_key = #{key}""")
  void verified(@Param("key") String key, @Param("state") ActionItemState state, @Param("note") String note,
      @Param("by") String by, @Param("at") Instant at);

  @Update("UPDATE action_item SET escalated = TRUE WHERE item_key = #{key}")
  void escalate(String key);
}
