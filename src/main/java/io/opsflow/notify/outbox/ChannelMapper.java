package io.opsflow.notify.outbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ChannelMapper {

  /** A channel as stored: target and secret sealed. */
  record Row(Long channelId, String name, String kind, String targetSealed, String secretSealed, String language,
      Instant createdAt, Instant updatedAt) {
  }


  @Select("SELECT * FROM notification_channel ORDER BY channel_id")
  List<Row> findAll();

  @Select("SELECT * FROM notification_channel WHERE channel_id = #{id}")
  Row find(long id);

  /** Locks the channel row: one node at a time decides what a channel sends in this minute. */
  @Select("SELECT * FROM notification_channel WHERE channel_id = #{id} FOR UPDATE")
  Row lock(long id);

  @Select("SELECT COUNT(*) FROM notification_channel")
  long count();

  @Insert("""
      INSERT INTO notification_channel (name, kind, target_sealed, secret_sealed, language, created_at, updated_at)
      VALUES (#{row.name}, #{row.kind}, #{row.targetSealed}, #{row.secretSealed}, #{row.language}, #{row.createdAt},
        #{row.updatedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "channel_id")
  void insert(Inserted<Row> row);

  @Update("""
      UPDATE notification_channel SET name = #{name}, kind = #{kind}, target_sealed = #{targetSealed},
        secret_sealed = #{secretSealed}, language = #{language}, updated_at = #{updatedAt}
      WHERE channel_id = #{channelId}""")
  int update(Row row);

  @Delete("DELETE FROM notification_channel WHERE channel_id = #{id}")
  int delete(long id);

  @Select("SELECT COUNT(*) FROM notification_rule_channel WHERE channel_id = #{id}")
  long rulesUsing(long id);
}
