package io.opsflow.lifecycle.retirement;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RetirementMapper {

  record Row(String retirementKey, String serviceKey, LocalDate shutdownDate, int noticeDays, RetirementState state,
      String requestedBy, Instant requestedAt, String noticeText, String noticePublishedBy, Instant noticePublishedAt,
      String dataLocation, String dataExportedBy, String migrationVerifiedBy, String rightsConfirmedBy,
      String shutdownChangeKey, Instant endedAt) {
  }

  @Insert("""
      INSERT INTO lifecycle_retirement (retirement_key, service_key, active_service_key, shutdown_date, notice_days,
        state, requested_by, requested_at)
      VALUES (#{retirementKey}, #{serviceKey}, #{serviceKey}, #{shutdownDate}, #{noticeDays}, #{state},
        #{requestedBy}, #{requestedAt})""")
  void insert(Row row);

  @Select("""
      SELECT retirement_key, service_key, shutdown_date, notice_days, state, requested_by, requested_at, notice_text,
        notice_published_by, notice_published_at, data_location, data_exported_by, migration_verified_by,
        rights_confirmed_by, shutdown_change_key, ended_at
      FROM lifecycle_retirement WHERE retirement_key = #{key}""")
  Row find(String key);

  @Select("SELECT retirement_key FROM lifecycle_retirement WHERE active_service_key = #{serviceKey}")
  String active(String serviceKey);

  @Select("SELECT retirement_key FROM lifecycle_retirement WHERE shutdown_change_key = #{changeKey}")
  String byShutdownChange(String changeKey);

  @Update("""
      UPDATE lifecycle_retirement SET notice_text = #{text}, notice_published_by = #{by}, notice_published_at = #{at}
      WHERE retirement_key = #{key}""")
  int notice(@Param("key") String key, @Param("text") String text, @Param("by") String by, @Param("at") Instant at);

  @Update("UPDATE lifecycle_retirement SET shutdown_date = #{day} WHERE retirement_key = #{key}")
  int postpone(@Param("key") String key, @Param("day") LocalDate day);

  @Update("UPDATE lifecycle_retirement SET data_location = #{location}, data_exported_by = #{by} WHERE retirement_key = #{key}")
  int dataExported(@Param("key") String key, @Param("location") String location, @Param("by") String by);

  @Update("UPDATE lifecycle_retirement SET migration_verified_by = #{by} WHERE retirement_key = #{key}")
  int migrationVerified(@Param("key") String key, @Param("by") String by);

  @Update("UPDATE lifecycle_retirement SET rights_confirmed_by = #{by} WHERE retirement_key = #{key}")
  int rightsConfirmed(@Param("key") String key, @Param("by") String by);

  @Update("UPDATE lifecycle_retirement SET shutdown_change_key = #{changeKey} WHERE retirement_key = #{key}")
  int shutdownChange(@Param("key") String key, @Param("changeKey") String changeKey);

  @Update("""
      UPDATE lifecycle_retirement SET state = #{state}, active_service_key = NULL, ended_at = #{at}
      WHERE retirement_key = #{key}""")
  int end(@Param("key") String key, @Param("state") RetirementState state, @Param("at") Instant at);
}
