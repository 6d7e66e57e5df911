package io.opsflow.audit.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import io.opsflow.audit.trail.AuditQuery;

@Mapper
public interface AuditMapper {

  /** An entry as stored; before and after are JSON text. */
  record Row(long entryId, Instant occurredAt, String actor, String action, String subject, String details,
      String beforeState, String afterState) {
  }

  @Insert("""
      INSERT INTO audit_entry (occurred_at, actor, action, subject, details, before_state, after_state)
      VALUES (#{occurredAt}, #{actor}, #{action}, #{subject}, #{details}, #{beforeState}, #{afterState})""")
  void insert(Row row);

  @Select("""
      <script>
      SELECT * FROM audit_entry
      <where>
        <if test="from != null">occurred_at &gt;= #{from}</if>
        <if test="to != null">AND occurred_at &lt; #{to}</if>
        <if test="actor != null">AND actor = #{actor}</if>
        <if test="subject != null">AND subject = #{subject}</if>
      </where>
      ORDER BY occurred_at DESC, entry_id DESC
      LIMIT #{limit}
      </script>""")
  List<Row> find(AuditQuery query);
}
