package io.opsflow.notify.outbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The outbox. Every state change of a claimed row is guarded by its state and lease owner. */
@Mapper
interface NotificationMapper {

  record Row(Long notificationId, String noticeId, String event, String reference, long channelId, String recipient,
      String language, String title, String markdown, String bodyText, String link, String mentions, String facts,
      String state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastAnswer,
      Long mergedInto, Instant createdAt, Instant deliveredAt, String leaseOwner, Instant leaseUntil) {
  }

  /** A row of the history, with its channel's name and kind (null when the channel was deleted). */
  record Entry(long notificationId, String noticeId, String event, String reference, long channelId,
      String channelName, String channelKind, String recipient, String title, String link, String state, int attempts,
      Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastAnswer, Long mergedInto,
      Instant createdAt, Instant deliveredAt) {
  }


  /**
   * What a new message is: the rendered notice for one channel and recipient. Its state, attempts and
   * times are those of a message waiting ({@link #insertPending}) or of a digest being sent now
   * ({@link #insertSending}).
   */
  record NewMessage(String noticeId, String event, String reference, long channelId, String recipient,
      String language, String title, String markdown, String bodyText, String link, String mentions, String facts,
      Instant at) {
  }

  /** A message due now, not tried yet. */
  @Insert("""
      INSERT INTO notification (notice_id, event, reference, channel_id, recipient, language, title, markdown,
        body_text, link, mentions, facts, state, attempts, next_attempt_at, created_at)
      VALUES (#{row.noticeId}, #{row.event}, #{row.reference}, #{row.channelId}, #{row.recipient}, #{row.language},
        #{row.title}, #{row.markdown}, #{row.bodyText}, #{row.link}, #{row.mentions}, #{row.facts}, 'pending', 0,
        #{row.at}, #{row.at})""")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "notification_id")
  void insertPending(Inserted<NewMessage> row);

  /** A message this node sends now (a digest): its first attempt under this node's lease. */
  @Insert("""
      INSERT INTO notification (notice_id, event, reference, channel_id, recipient, language, title, markdown,
        body_text, link, mentions, facts, state, attempts, next_attempt_at, last_attempt_at, created_at,
        lease_owner, lease_until)
      VALUES (#{message.row.noticeId}, #{message.row.event}, #{message.row.reference}, #{message.row.channelId},
        #{message.row.recipient}, #{message.row.language}, #{message.row.title}, #{message.row.markdown},
        #{message.row.bodyText}, #{message.row.link}, #{message.row.mentions}, #{message.row.facts}, 'sending', 1,
        #{message.row.at}, #{message.row.at}, #{message.row.at}, #{owner}, #{until})""")
  @Options(useGeneratedKeys = true, keyProperty = "message.id", keyColumn = "notification_id")
  void insertSending(@Param("message") Inserted<NewMessage> message, @Param("owner") String owner,
      @Param("until") Instant until);

  @Select("""
      SELECT COUNT(*) FROM notification
      WHERE notice_id = #{noticeId} AND channel_id = #{channelId} AND recipient = #{recipient}""")
  long countOf(@Param("noticeId") String noticeId, @Param("channelId") long channelId,
      @Param("recipient") String recipient);

  @Select("SELECT * FROM notification WHERE notification_id = #{id}")
  Row find(long id);

  /** Rows whose sender died mid-send: due again (at least once beats never). */
  @Update("""
      UPDATE notification SET state = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = #{now}
      WHERE state = 'sending' AND lease_until < #{now}""")
  int releaseExpiredLeases(Instant now);

  @Select("SELECT DISTINCT channel_id FROM notification WHERE state = 'pending' AND next_attempt_at <= #{now}")
  List<Long> dueChannels(Instant now);

  /** Digests first: they already stand for many and are never merged again. */
  @Select("""
      SELECT * FROM notification WHERE channel_id = #{channelId} AND state = 'pending' AND next_attempt_at <= #{now}
      ORDER BY CASE WHEN event = 'digest' THEN 0 ELSE 1 END, next_attempt_at, notification_id
      LIMIT #{limit}""")
  List<Row> due(@Param("channelId") long channelId, @Param("now") Instant now, @Param("limit") int limit);

  /** Messages the channel sent (or is sending) since a time: what counts against its rate limit. */
  @Select("""
      SELECT COUNT(*) FROM notification
      WHERE channel_id = #{channelId} AND last_attempt_at > #{since} AND state <> 'merged'""")
  long attemptsSince(@Param("channelId") long channelId, @Param("since") Instant since);

  @Update("""
      UPDATE notification SET state = 'sending', lease_owner = #{owner}, lease_until = #{until},
        attempts = attempts + 1, last_attempt_at = #{now}
      WHERE notification_id = #{id} AND state = 'pending'""")
  int claim(@Param("id") long id, @Param("owner") String owner, @Param("until") Instant until,
      @Param("now") Instant now);

  @Update("""
      UPDATE notification SET state = 'merged', merged_into = #{digest}, lease_owner = NULL, lease_until = NULL
      WHERE notification_id = #{id} AND state = 'sending' AND lease_owner = #{owner}""")
  int merge(@Param("id") long id, @Param("owner") String owner, @Param("digest") long digest);

  @Update("""
      UPDATE notification SET state = 'delivered', delivered_at = #{now}, last_status = #{status},
        last_answer = #{answer}, lease_owner = NULL, lease_until = NULL
      WHERE notification_id = #{id} AND state = 'sending' AND lease_owner = #{owner}""")
  int delivered(@Param("id") long id, @Param("owner") String owner, @Param("status") int status,
      @Param("answer") String answer, @Param("now") Instant now);

  @Update("""
      UPDATE notification SET state = 'pending', next_attempt_at = #{next}, last_status = #{status},
        last_answer = #{answer}, lease_owner = NULL, lease_until = NULL
      WHERE notification_id = #{id} AND state = 'sending' AND lease_owner = #{owner}""")
  int retry(@Param("id") long id, @Param("owner") String owner, @Param("status") int status,
      @Param("answer") String answer, @Param("next") Instant next);

  @Update("""
      UPDATE notification SET state = 'failed', last_status = #{status}, last_answer = #{answer},
        lease_owner = NULL, lease_until = NULL
      WHERE notification_id = #{id} AND state = 'sending' AND lease_owner = #{owner}""")
  int failed(@Param("id") long id, @Param("owner") String owner, @Param("status") int status,
      @Param("answer") String answer);

  @Select("""
      <script>
      SELECT n.notification_id, n.notice_id, n.event, n.reference, n.channel_id, c.name AS channel_name,
        c.kind AS channel_kind, n.recipient, n.title, n.link, n.state, n.attempts, n.next_attempt_at,
        n.last_attempt_at, n.last_status, n.last_answer, n.merged_into, n.created_at, n.delivered_at
      FROM notification n LEFT JOIN notification_channel c ON c.channel_id = n.channel_id
      <where>
        <if test="reference != null">n.reference = #{reference}</if>
        <if test="state != null">AND n.state = #{state}</if>
      </where>
      ORDER BY n.created_at DESC, n.notification_id DESC
      LIMIT #{limit}
      </script>""")
  List<Entry> history(@Param("reference") String reference, @Param("state") String state, @Param("limit") int limit);
}
