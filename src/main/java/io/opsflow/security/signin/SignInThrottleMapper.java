package io.opsflow.security.signin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SignInThrottleMapper {

  record FailureCount(String throttleKey, int failures, Instant lockedUntil) {
  }

  @Select("""
      <script>
      SELECT throttle_key, failures, locked_until FROM sign_in_failure WHERE throttle_key IN
      <foreach item="key" collection="keys" open="(" separator="," close=")">#{key}</foreach>
      </script>""")
  List<FailureCount> find(@Param("keys") Collection<String> keys);

  /** Counts one more failure; a count whose last failure is older than {@code windowStart} starts again. */
  @Update("""
      UPDATE sign_in_failure
      SET failures = CASE WHEN last_failure_at < #{windowStart} THEN 1 ELSE failures + 1 END, last_failure_at = #{at}
      WHERE throttle_key = #{key}""")
  int countFailure(@Param("key") String key, @Param("at") Instant at, @Param("windowStart") Instant windowStart);

  @Insert("""
      INSERT INTO sign_in_failure (throttle_key, account_id, failures, last_failure_at)
      VALUES (#{key}, #{accountId}, 1, #{at})""")
  void insertFailure(@Param("key") String key, @Param("accountId") String accountId, @Param("at") Instant at);

  @Select("SELECT failures FROM sign_in_failure WHERE throttle_key = #{key}")
  int failures(String key);

  @Update("UPDATE sign_in_failure SET locked_until = #{until} WHERE throttle_key = #{key}")
  void lock(@Param("key") String key, @Param("until") Instant until);

  @Delete("DELETE FROM sign_in_failure WHERE throttle_key = #{key}")
  void forget(String key);

  @Delete("DELETE FROM sign_in_failure WHERE account_id = #{accountId}")
  int forgetAccount(String accountId);

  @Delete("""
      DELETE FROM sign_in_failure
      WHERE last_failure_at < #{windowStart} AND (locked_until IS NULL OR locked_until < #{now})""")
  int expireFailures(@Param("windowStart") Instant windowStart, @Param("now") Instant now);

  @Select("SELECT COUNT(*) FROM sign_in_failure")
  long countRows();

  /** The last failure of the row at place {@code offset} (0 = the newest). */
  @Select("SELECT last_failure_at FROM sign_in_failure ORDER BY last_failure_at DESC LIMIT 1 OFFSET #{offset}")
  Instant lastFailureAtPlace(long offset);

  @Delete("DELETE FROM sign_in_failure WHERE last_failure_at <= #{cutoff}")
  int forgetUpTo(Instant cutoff);

  @Select("SELECT last_success_at FROM sign_in_known_client WHERE account_id = #{accountId} AND client = #{client}")
  Instant lastSuccess(@Param("accountId") String accountId, @Param("client") String client);

  @Insert("INSERT INTO sign_in_known_client (account_id, client, last_success_at) VALUES (#{accountId}, #{client}, #{at})")
  void insertKnown(@Param("accountId") String accountId, @Param("client") String client, @Param("at") Instant at);

  @Update("UPDATE sign_in_known_client SET last_success_at = #{at} WHERE account_id = #{accountId} AND client = #{client}")
  void touchKnown(@Param("accountId") String accountId, @Param("client") String client, @Param("at") Instant at);

  @Delete("DELETE FROM sign_in_known_client WHERE last_success_at < #{before}")
  int expireKnown(Instant before);

  /**
   * Camunda's own lock-out is off in OpsFlow; this lifts what it set before (camunda-changelog's
   * user table, in the same database).
   */
  @Update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = NULL WHERE ATTEMPTS_ > 0 OR LOCK_EXP_TIME_ IS NOT NULL")
  int clearCamundaLocks();
}
