package io.opsflow.catalog.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.catalog.LifecycleState;

@Mapper
public interface ServiceMapper {

  record Row(String serviceKey, String name, int tier, String devGroup, String onCallGroup,
      LifecycleState lifecycle, Instant createdAt, Instant updatedAt) {
  }

  record TransitionRow(String serviceKey, LifecycleState fromState, LifecycleState toState, String actor,
      String processInstanceId, String businessKey, String reason, Instant occurredAt) {
  }

  record Edge(String serviceKey, String dependsOn) {
  }

  @Select("SELECT * FROM catalog_service ORDER BY service_key")
  List<Row> findAll();

  @Select("SELECT * FROM catalog_service WHERE service_key = #{key}")
  Row find(String key);

  @Select("SELECT service_key, depends_on FROM catalog_dependency ORDER BY service_key, depends_on")
  List<Edge> findAllEdges();

  @Insert("""
      INSERT INTO catalog_service (service_key, name, tier, dev_group, on_call_group, lifecycle, created_at, updated_at)
      VALUES (#{serviceKey}, #{name}, #{tier}, #{devGroup}, #{onCallGroup}, #{lifecycle}, #{createdAt}, #{updatedAt})""")
  void insert(Row row);

  @Update("""
      UPDATE catalog_service SET name = #{name}, tier = #{tier}, dev_group = #{devGroup},
        on_call_group = #{onCallGroup}, updated_at = #{updatedAt}
      WHERE service_key = #{serviceKey}""")
  int update(Row row);

  /** Moves the lifecycle only if it is still {@code from}: of two concurrent moves, one finds 0 rows. */
  @Update("""
      UPDATE catalog_service SET lifecycle = #{to}, updated_at = #{at}
      WHERE service_key = #{key} AND lifecycle = #{from}""")
  int moveLifecycle(@Param("key") String key, @Param("from") LifecycleState from, @Param("to") LifecycleState to,
      @Param("at") Instant at);

  @Insert("""
      INSERT INTO catalog_lifecycle_transition (service_key, from_state, to_state, actor, process_instance_id,
        business_key, reason, occurred_at)
      VALUES (#{serviceKey}, #{fromState}, #{toState}, #{actor}, #{processInstanceId}, #{businessKey}, #{reason},
        #{occurredAt})""")
  void insertTransition(TransitionRow transition);

  @Select("""
      SELECT service_key, from_state, to_state, actor, process_instance_id, business_key, reason, occurred_at
      FROM catalog_lifecycle_transition WHERE service_key = #{key} ORDER BY transition_id""")
  List<TransitionRow> transitions(String key);

  @Delete("DELETE FROM catalog_dependency WHERE service_key = #{key}")
  void deleteEdgesFrom(String key);

  @Insert("INSERT INTO catalog_dependency (service_key, depends_on) VALUES (#{key}, #{dependsOn})")
  void insertEdge(@Param("key") String key, @Param("dependsOn") String dependsOn);
}
