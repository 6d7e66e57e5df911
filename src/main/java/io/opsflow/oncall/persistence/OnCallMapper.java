package io.opsflow.oncall.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Schedules, their members and overrides, escalation levels and contacts. Times are UTC. */
@Mapper
public interface OnCallMapper {

  record ScheduleRow(String scheduleId, String name, String groupId, String rotation, String handoffTime,
      String timeZone, LocalDate startDate, Instant createdAt, Instant updatedAt) {
  }

  record MemberRow(String scheduleId, int memberNo, String userId) {
  }

  record OverrideRow(String overrideId, String scheduleId, String userId, Instant startsAt, Instant endsAt,
      String createdBy, Instant createdAt) {
  }

  record LevelRow(String scope, int levelNo, int afterMinutes, String pages, String updatedBy, Instant updatedAt) {
  }

  record ContactRow(String userId, String email, String mobile, String dingtalkUserId, String wecomUserId,
      String feishuUserId, Instant updatedAt) {
  }

  @Select("SELECT * FROM oncall_schedule ORDER BY name, schedule_id")
  List<ScheduleRow> findSchedules();

  @Select("SELECT * FROM oncall_schedule WHERE group_id = #{groupId} ORDER BY name, schedule_id")
  List<ScheduleRow> findSchedulesOfGroup(String groupId);

  @Select("SELECT * FROM oncall_schedule WHERE schedule_id = #{id}")
  ScheduleRow findSchedule(String id);

  @Insert("""
      INSERT INTO oncall_schedule (schedule_id, name, group_id, rotation, handoff_time, time_zone, start_date,
        created_at, updated_at)
      VALUES (#{scheduleId}, #{name}, #{groupId}, #{rotation}, #{handoffTime}, #{timeZone}, #{startDate},
        #{createdAt}, #{updatedAt})""")
  void insertSchedule(ScheduleRow row);

  @Update("""
      UPDATE oncall_schedule SET name = #{name}, group_id = #{groupId}, rotation = #{rotation},
        handoff_time = #{handoffTime}, time_zone = #{timeZone}, start_date = #{startDate}, updated_at = #{updatedAt}
      WHERE schedule_id = #{scheduleId}""")
  int updateSchedule(ScheduleRow row);

  @Delete("DELETE FROM oncall_schedule WHERE schedule_id = #{id}")
  int deleteSchedule(String id);

  @Select("SELECT * FROM oncall_member WHERE schedule_id = #{id} ORDER BY member_no")
  List<MemberRow> findMembers(String id);

  @Select("SELECT * FROM oncall_member ORDER BY schedule_id, member_no")
  List<MemberRow> findAllMembers();

  @Insert("INSERT INTO oncall_member (schedule_id, member_no, user_id) VALUES (#{scheduleId}, #{memberNo}, #{userId})")
  void insertMember(MemberRow row);

  @Delete("DELETE FROM oncall_member WHERE schedule_id = #{id}")
  void deleteMembers(String id);

  /** The overrides of a schedule that end after {@code from} and start before {@code to}. */
  @Select("""
      SELECT * FROM oncall_override WHERE schedule_id = #{id} AND ends_at > #{from} AND starts_at < #{to}
      ORDER BY starts_at, created_at, override_id""")
  List<OverrideRow> findOverlappingOverrides(@Param("id") String scheduleId, @Param("from") Instant from,
      @Param("to") Instant to);

  @Select("SELECT * FROM oncall_override WHERE schedule_id = #{id} ORDER BY starts_at, created_at, override_id")
  List<OverrideRow> findOverrides(String scheduleId);

  @Select("SELECT * FROM oncall_override WHERE override_id = #{id}")
  OverrideRow findOverride(String overrideId);

  @Insert("""
      INSERT INTO oncall_override (override_id, schedule_id, user_id, starts_at, ends_at, created_by, created_at)
      VALUES (#{overrideId}, #{scheduleId}, #{userId}, #{startsAt}, #{endsAt}, #{createdBy}, #{createdAt})""")
  void insertOverride(OverrideRow row);

  @Delete("DELETE FROM oncall_override WHERE override_id = #{id}")
  int deleteOverride(String overrideId);

  @Delete("DELETE FROM oncall_override WHERE schedule_id = #{id}")
  void deleteOverridesOf(String scheduleId);

  @Select("SELECT * FROM oncall_escalation_level WHERE scope = #{scope} ORDER BY level_no")
  List<LevelRow> findLevels(String scope);

  @Select("SELECT * FROM oncall_escalation_level ORDER BY scope, level_no")
  List<LevelRow> findAllLevels();

  @Select("SELECT DISTINCT scope FROM oncall_escalation_level WHERE pages = #{pages} ORDER BY scope")
  List<String> findScopesPaging(String pages);

  @Insert("""
      INSERT INTO oncall_escalation_level (scope, level_no, after_minutes, pages, updated_by, updated_at)
      VALUES (#{scope}, #{levelNo}, #{afterMinutes}, #{pages}, #{updatedBy}, #{updatedAt})""")
  void insertLevel(LevelRow row);

  @Delete("DELETE FROM oncall_escalation_level WHERE scope = #{scope}")
  int deleteLevels(String scope);

  @Select("SELECT * FROM person_contact WHERE user_id = #{userId}")
  ContactRow findContact(String userId);

  @Insert("""
      INSERT INTO person_contact (user_id, email, mobile, dingtalk_user_id, wecom_user_id, feishu_user_id, updated_at)
      VALUES (#{userId}, #{email}, #{mobile}, #{dingtalkUserId}, #{wecomUserId}, #{feishuUserId}, #{updatedAt})""")
  void insertContact(ContactRow row);

  @Update("""
      UPDATE person_contact SET email = #{email}, mobile = #{mobile}, dingtalk_user_id = #{dingtalkUserId},
        wecom_user_id = #{wecomUserId}, feishu_user_id = #{feishuUserId}, updated_at = #{updatedAt}
      WHERE user_id = #{userId}""")
  int updateContact(ContactRow row);
}
