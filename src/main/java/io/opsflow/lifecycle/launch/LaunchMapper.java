package io.opsflow.lifecycle.launch;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface LaunchMapper {

  @Insert("""
      INSERT INTO service_launch (launch_key, service_key, running_service, version, planned_date, hypercare_days, state,
        requested_by, requested_at, process_instance_id)
      VALUES (#{launchKey}, #{serviceKey}, #{serviceKey}, #{version}, #{plannedDate}, #{hypercareDays}, #{state},
        #{requestedBy}, #{requestedAt}, #{processInstanceId})""")
  void insert(Launch launch);

  @Select("SELECT * FROM service_launch WHERE launch_key = #{key}")
  Launch find(String key);

  @Select("SELECT launch_key FROM service_launch WHERE running_service = #{service}")
  String running(String service);

  @Update("UPDATE service_launch SET readiness = #{readiness} WHERE launch_key = #{key}")
  void setReadiness(@Param("key") String key, @Param("readiness") String readiness);

  @Update("""
      UPDATE service_launch SET decided_by = #{by}, decision_reasons = #{reasons}, state = #{state}
      WHERE launch_key = #{key}""")
  void decide(@Param("key") String key, @Param("by") String by, @Param("reasons") String reasons,
      @Param("state") LaunchState state);

  @Update("UPDATE service_launch SET change_key = #{changeKey} WHERE launch_key = #{key}")
  void setChange(@Param("key") String key, @Param("changeKey") String changeKey);

  @Update("""
      UPDATE service_launch SET state = 'hypercare', hypercare_started_at = #{at} WHERE launch_key = #{key}""")
  void startHypercare(@Param("key") String key, @Param("at") Instant at);

  /** Ends the launch: the service may be launched again (after a no-go or a failure). */
  @Update("""
      UPDATE service_launch SET state = #{state}, running_service = NULL, ended_at = #{at},
        decision_reasons = COALESCE(#{reasons}, decision_reasons)
      WHERE launch_key = #{key}""")
  void end(@Param("key") String key, @Param("state") LaunchState state, @Param("reasons") String reasons,
      @Param("at") Instant at);

  @Insert("""
      INSERT INTO service_launch_signoff (launch_key, signoff_group, signed_by, notes, load_test_url, signed_at)
      VALUES (#{key}, #{s.group}, #{s.signedBy}, #{s.notes}, #{s.loadTestUrl}, #{s.signedAt})""")
  void insertSignOff(@Param("key") String key, @Param("s") SignOff signOff);

  @Select("""
      SELECT signoff_group AS "group", signed_by, notes, load_test_url, signed_at FROM service_launch_signoff
      WHERE launch_key = #{key} ORDER BY signed_at, signoff_group""")
  List<SignOff> signOffs(String key);

  @Insert("""
      INSERT INTO service_launch_report (launch_key, report_day, report_text, created_at)
      VALUES (#{key}, #{r.day}, #{r.text}, #{r.createdAt})""")
  void insertReport(@Param("key") String key, @Param("r") LaunchReport report);

  @Select("""
      SELECT report_day AS "day", report_text AS "text", created_at FROM service_launch_report
      WHERE launch_key = #{key} ORDER BY report_day""")
  List<LaunchReport> reports(String key);
}
