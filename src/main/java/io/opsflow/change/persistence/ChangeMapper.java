package io.opsflow.change.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.Change;
import io.opsflow.change.ChangeApproval;
import io.opsflow.change.ChangeEvent;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.ChangeState;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.change.FreezeWindow;
import io.opsflow.change.GateStatus;
import io.opsflow.change.Release;

@Mapper
public interface ChangeMapper {

  @Insert("""
      INSERT INTO change_request (change_key, service_key, version, title, change_type, tests_failed, has_db_migration,
        planned_start, commit_sha, pipeline_url, requested_by, requested_via, idempotency_key, request_hash, state,
        gate_status, retrospective_due, created_at, committed_at, fixes_incident)
      VALUES (#{changeKey}, #{serviceKey}, #{version}, #{title}, #{changeType}, #{testsFailed}, #{hasDbMigration},
        #{plannedStart}, #{commitSha}, #{pipelineUrl}, #{requestedBy}, #{requestedVia}, #{idempotencyKey},
        #{requestHash}, #{state}, #{gateStatus}, FALSE, #{createdAt}, #{committedAt}, #{fixesIncident})""")
  void insert(ChangeInsert change);

  @Select("SELECT * FROM change_request WHERE change_key = #{key}")
  Change find(String key);

  @Select("SELECT * FROM change_request WHERE change_key = #{key} FOR UPDATE")
  Change lock(String key);

  @Select("SELECT * FROM change_request WHERE requested_via = #{via} AND idempotency_key = #{idempotencyKey}")
  Change findByIdempotencyKey(@Param("via") String via, @Param("idempotencyKey") String idempotencyKey);

  @Select("""
      <script>
      SELECT * FROM change_request
      <where>
        <if test="state == 'open'">state NOT IN ('closed', 'rejected', 'cancelled')</if>
        <if test="state == 'closed'">state IN ('closed', 'rejected', 'cancelled')</if>
        <if test="service != null">AND service_key = #{service}</if>
      </where>
      ORDER BY created_at DESC, change_key DESC
      LIMIT #{limit}
      </script>""")
  List<Change> list(@Param("state") String state, @Param("service") String service, @Param("limit") int limit);

  @Select("""
      <script>
      SELECT * FROM change_request
      WHERE state NOT IN ('closed', 'rejected', 'cancelled') AND change_key &lt;&gt; #{exceptKey}
        AND service_key IN <foreach item="s" collection="services" open="(" separator="," close=")">#{s}</foreach>
      ORDER BY created_at
      </script>""")
  List<Change> openChangesOn(@Param("services") Collection<String> services, @Param("exceptKey") String exceptKey);

  @Select("""
      SELECT * FROM change_request WHERE service_key = #{service} AND created_at >= #{from} AND created_at < #{to}
      ORDER BY created_at, change_key LIMIT #{limit}""")
  List<Change> onServiceBetween(@Param("service") String service, @Param("from") Instant from, @Param("to") Instant to,
      @Param("limit") int limit);

  /**
   * The version of the service's latest succeeded change, other than {@code key}, asked for no later than
   * {@code before} that released another version (times have whole seconds, so the same second counts).
   */
  @Select("""
      SELECT version FROM change_request
      WHERE service_key = #{service} AND outcome = 'succeeded' AND version <> #{version} AND change_key <> #{key}
        AND created_at <= #{before}
      ORDER BY created_at DESC, change_key DESC LIMIT 1""")
  String previousSucceededVersion(@Param("service") String service, @Param("version") String version,
      @Param("key") String key, @Param("before") Instant before);

  @Select("""
      SELECT change_key, service_key, version, deployed_at FROM change_request
      WHERE service_key = #{service} AND deployment_status = 'succeeded' AND deployed_at >= #{from} AND deployed_at < #{to}
      ORDER BY deployed_at, change_key LIMIT #{limit}""")
  List<Release> releasedBetween(@Param("service") String service, @Param("from") Instant from, @Param("to") Instant to,
      @Param("limit") int limit);

  @Select("SELECT * FROM change_request WHERE incident_key = #{incidentKey}")
  List<Change> linkedTo(String incidentKey);

  @Update("""
      UPDATE change_request SET risk = #{risk}, approval_route = #{route}, verification_minutes = #{verificationMinutes}
      WHERE change_key = #{key}""")
  void setRisk(@Param("key") String key, @Param("risk") ChangeRisk risk, @Param("route") ApprovalRoute route,
      @Param("verificationMinutes") int verificationMinutes);

  @Update("UPDATE change_request SET conflicts = #{conflicts} WHERE change_key = #{key}")
  void setConflicts(@Param("key") String key, @Param("conflicts") String conflicts);

  @Update("UPDATE change_request SET state = #{state} WHERE change_key = #{key}")
  void setState(@Param("key") String key, @Param("state") ChangeState state);

  @Update("""
      UPDATE change_request SET state = #{state}, gate_status = #{gate}, gate_reason = #{reason},
        gate_opened_at = #{openedAt}
      WHERE change_key = #{key}""")
  void setGate(@Param("key") String key, @Param("state") ChangeState state, @Param("gate") GateStatus gate,
      @Param("reason") String reason, @Param("openedAt") Instant openedAt);

  @Update("""
      UPDATE change_request SET deployment_status = #{status}, deployment_url = #{url}, deployed_at = #{at},
        state = #{state}
      WHERE change_key = #{key}""")
  void setDeployment(@Param("key") String key, @Param("status") DeploymentStatus status, @Param("url") String url,
      @Param("at") Instant at, @Param("state") ChangeState state);

  @Update("UPDATE change_request SET outcome = #{outcome} WHERE change_key = #{key}")
  void setOutcome(@Param("key") String key, @Param("outcome") ChangeOutcome outcome);

  @Update("UPDATE change_request SET incident_key = #{incident} WHERE change_key = #{key}")
  void linkIncident(@Param("key") String key, @Param("incident") String incidentKey);

  @Update("UPDATE change_request SET state = #{state}, closed_at = #{at} WHERE change_key = #{key}")
  void close(@Param("key") String key, @Param("state") ChangeState state, @Param("at") Instant at);

  @Update("UPDATE change_request SET retrospective_due = TRUE WHERE change_key = #{key}")
  void markRetrospectiveDue(String key);

  // approvals

  @Insert("""
      INSERT INTO change_approval (change_key, approval_group, approved, decided_by, decided_at, comment_text)
      VALUES (#{changeKey}, #{approvalGroup}, #{approved}, #{decidedBy}, #{decidedAt}, #{commentText})""")
  void insertApproval(ChangeApproval approval);

  @Select("SELECT * FROM change_approval WHERE change_key = #{key} ORDER BY decided_at, approval_group")
  List<ChangeApproval> approvals(String key);

  // timeline

  @Insert("""
      INSERT INTO change_timeline (change_key, occurred_at, kind, actor, message)
      VALUES (#{key}, #{at}, #{kind}, #{actor}, #{message})""")
  void addEntry(@Param("key") String key, @Param("at") Instant at, @Param("kind") String kind,
      @Param("actor") String actor, @Param("message") String message);

  @Select("SELECT * FROM change_timeline WHERE change_key = #{key} ORDER BY entry_id")
  List<ChangeEvent> timeline(String key);

  // freeze windows

  @Insert("""
      INSERT INTO freeze_window (window_id, starts_at, ends_at, services, reason, created_by, created_at)
      VALUES (#{windowId}, #{startsAt}, #{endsAt}, #{services}, #{reason}, #{createdBy}, #{createdAt})""")
  void insertFreezeWindow(FreezeWindow window);

  @Select("SELECT * FROM freeze_window WHERE ends_at > #{after} ORDER BY starts_at, window_id")
  List<FreezeWindow> freezeWindowsEndingAfter(Instant after);

  @Select("SELECT * FROM freeze_window ORDER BY starts_at, window_id")
  List<FreezeWindow> allFreezeWindows();

  @Select("SELECT * FROM freeze_window WHERE window_id = #{id}")
  FreezeWindow findFreezeWindow(String id);

  @Delete("DELETE FROM freeze_window WHERE window_id = #{id}")
  int deleteFreezeWindow(String id);
}
