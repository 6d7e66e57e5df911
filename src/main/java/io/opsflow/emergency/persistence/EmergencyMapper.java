package io.opsflow.emergency.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.emergency.ActivationLogEntry;
import io.opsflow.emergency.ActivationLogKind;
import io.opsflow.emergency.PlanActivation;
import io.opsflow.emergency.PlanOutcome;

@Mapper
public interface EmergencyMapper {

  @Insert("""
      INSERT INTO plan_activation (activation_key, plan_key, process_instance_id, incident_key, service_key, drill,
        started_by, started_at)
      VALUES (#{activationKey}, #{planKey}, #{processInstanceId}, #{incidentKey}, #{serviceKey}, #{drill},
        #{startedBy}, #{startedAt})""")
  void insert(ActivationInsert activation);

  @Select("SELECT * FROM plan_activation WHERE activation_key = #{key}")
  PlanActivation find(String key);

  @Update("UPDATE plan_activation SET commander = #{commander} WHERE activation_key = #{key}")
  void setCommander(@Param("key") String key, @Param("commander") String commander);

  @Update("""
      UPDATE plan_activation SET ended_at = #{at}, outcome = #{outcome}, summary = #{summary}
      WHERE activation_key = #{key}""")
  void end(@Param("key") String key, @Param("at") Instant at, @Param("outcome") PlanOutcome outcome,
      @Param("summary") String summary);

  @Select("""
      SELECT MAX(started_at) FROM plan_activation
      WHERE plan_key = #{planKey} AND drill = TRUE AND ended_at IS NOT NULL""")
  Instant lastDrill(String planKey);

  /** The activation its plan's first step recorded for this process instance. */
  @Select("SELECT * FROM plan_activation WHERE process_instance_id = #{processInstanceId}")
  PlanActivation byProcess(String processInstanceId);

  @Select("""
      <script>
      SELECT * FROM plan_activation WHERE incident_key IN
      <foreach item="k" collection="keys" open="(" separator="," close=")">#{k}</foreach>
      ORDER BY started_at
      </script>""")
  List<PlanActivation> forIncidents(@Param("keys") java.util.Collection<String> incidentKeys);

  @Select("""
      <script>
      SELECT * FROM plan_activation WHERE activation_key IN
      <foreach item="k" collection="keys" open="(" separator="," close=")">#{k}</foreach>
      </script>""")
  List<PlanActivation> findAll(@Param("keys") java.util.Collection<String> activationKeys);

  @Insert("""
      INSERT INTO plan_activation_log (activation_key, occurred_at, step, kind, actor, message)
      VALUES (#{key}, #{at}, #{step}, #{kind}, #{actor}, #{message})""")
  void log(@Param("key") String key, @Param("at") Instant at, @Param("step") String step,
      @Param("kind") ActivationLogKind kind,
      @Param("actor") String actor, @Param("message") String message);

  @Select("SELECT * FROM plan_activation_log WHERE activation_key = #{key} ORDER BY entry_id")
  List<ActivationLogEntry> logOf(String key);
}
