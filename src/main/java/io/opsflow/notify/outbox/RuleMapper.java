package io.opsflow.notify.outbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RuleMapper {

  record Row(Long ruleId, String event, String serviceKey, String groupId, String minPriority, Instant createdAt,
      Instant updatedAt) {
  }

  record Link(long ruleId, long channelId) {
  }


  @Select("SELECT * FROM notification_rule ORDER BY rule_id")
  List<Row> findAll();

  @Select("SELECT * FROM notification_rule WHERE event = #{event} ORDER BY rule_id")
  List<Row> findByEvent(String event);

  @Select("SELECT * FROM notification_rule WHERE rule_id = #{id}")
  Row find(long id);

  @Select("SELECT rule_id, channel_id FROM notification_rule_channel ORDER BY rule_id, channel_id")
  List<Link> findAllLinks();

  /** The channels of one rule. */
  @Select("SELECT rule_id, channel_id FROM notification_rule_channel WHERE rule_id = #{ruleId} ORDER BY channel_id")
  List<Link> findLinks(long ruleId);

  /** The channels of the rules for one event: what publishing a notice reads, not every rule's. */
  @Select("""
      SELECT l.rule_id, l.channel_id FROM notification_rule_channel l
      JOIN notification_rule r ON r.rule_id = l.rule_id
      WHERE r.event = #{event} ORDER BY l.rule_id, l.channel_id""")
  List<Link> findLinksByEvent(String event);

  @Insert("""
      INSERT INTO notification_rule (event, service_key, group_id, min_priority, created_at, updated_at)
      VALUES (#{row.event}, #{row.serviceKey}, #{row.groupId}, #{row.minPriority}, #{row.createdAt}, #{row.updatedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "rule_id")
  void insert(Inserted<Row> row);

  @Update("""
      UPDATE notification_rule SET event = #{event}, service_key = #{serviceKey}, group_id = #{groupId},
        min_priority = #{minPriority}, updated_at = #{updatedAt}
      WHERE rule_id = #{ruleId}""")
  int update(Row row);

  @Delete("DELETE FROM notification_rule WHERE rule_id = #{id}")
  int delete(long id);

  @Delete("DELETE FROM notification_rule_channel WHERE rule_id = #{id}")
  void deleteLinks(long id);

  @Insert("INSERT INTO notification_rule_channel (rule_id, channel_id) VALUES (#{ruleId}, #{channelId})")
  void insertLink(@Param("ruleId") long ruleId, @Param("channelId") long channelId);
}
