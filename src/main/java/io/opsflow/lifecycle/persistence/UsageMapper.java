package io.opsflow.lifecycle.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface UsageMapper {

  record ServiceDay(String serviceKey, LocalDate usageDay, long activeUsers, String recordedBy, Instant recordedAt) {
  }

  record FeatureDay(String serviceKey, String feature, LocalDate usageDay, long activeUsers, long uses,
      Integer medianSecondsSpent, String recordedBy, Instant recordedAt) {
  }

  @Update("""
      UPDATE usage_service_day SET active_users = #{activeUsers}, recorded_by = #{recordedBy}, recorded_at = #{recordedAt}
      WHERE service_key = #{serviceKey} AND usage_day = #{usageDay}""")
  int updateServiceDay(ServiceDay day);

  @Insert("""
      INSERT INTO usage_service_day (service_key, usage_day, active_users, recorded_by, recorded_at)
      VALUES (#{serviceKey}, #{usageDay}, #{activeUsers}, #{recordedBy}, #{recordedAt})""")
  void insertServiceDay(ServiceDay day);

  @Update("""
      UPDATE usage_feature_day SET active_users = #{activeUsers}, uses = #{uses},
        median_seconds_spent = #{medianSecondsSpent}, recorded_by = #{recordedBy}, recorded_at = #{recordedAt}
      WHERE service_key = #{serviceKey} AND feature = #{feature} AND usage_day = #{usageDay}""")
  int updateFeatureDay(FeatureDay day);

  @Insert("""
      INSERT INTO usage_feature_day (service_key, feature, usage_day, active_users, uses, median_seconds_spent,
        recorded_by, recorded_at)
      VALUES (#{serviceKey}, #{feature}, #{usageDay}, #{activeUsers}, #{uses}, #{medianSecondsSpent}, #{recordedBy},
        #{recordedAt})""")
  void insertFeatureDay(FeatureDay day);

  @Select("""
      SELECT * FROM usage_service_day WHERE service_key = #{service} AND usage_day BETWEEN #{from} AND #{to}
      ORDER BY usage_day""")
  List<ServiceDay> serviceDays(@Param("service") String service, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  @Select("""
      SELECT * FROM usage_feature_day WHERE service_key = #{service} AND usage_day BETWEEN #{from} AND #{to}
      ORDER BY feature, usage_day""")
  List<FeatureDay> featureDays(@Param("service") String service, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
