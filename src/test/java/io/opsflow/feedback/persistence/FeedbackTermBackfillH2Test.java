package io.opsflow.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.opsflow.support.H2Database;

/** V26 gives the terms stored before it their item's service, time, version and channel. */
class FeedbackTermBackfillH2Test {

  @Test
  void termsStoredBeforeV26TakeTheirItemsServiceTimeVersionAndChannel() {
    JdbcDataSource h2 = H2Database.fresh("backfill");
    H2Database.flyway(h2).target("25").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    jdbc.update("""
        INSERT INTO feedback (feedback_id, service_key, version, channel, external_id, body, occurred_at, received_at,
          language, sentiment, score, recorded_by)
        VALUES (7, 'payments-api', '2.0', 'app-store', 'x1', '付款失败 😡', TIMESTAMP '2026-02-27 10:00:00.123',
          TIMESTAMP '2026-02-27 10:01:00', 'zh', 'negative', -0.5, 'test'),
          (8, 'web-portal', NULL, 'in-app', 'x2', 'slow', TIMESTAMP '2026-02-28 00:00:00',
          TIMESTAMP '2026-02-28 00:00:00', 'en', 'negative', -0.5, 'test')""");
    jdbc.update("INSERT INTO feedback_term (feedback_id, term) VALUES (7, '付款'), (7, '退款😡'), (8, 'slow')");

    H2Database.flyway(h2).load().migrate();

    assertThat(jdbc.queryForList("SELECT feedback_id, term, service_key, CAST(occurred_at AS VARCHAR(30)) AS occurred_at,"
        + " version, channel FROM feedback_term ORDER BY feedback_id, term")).containsExactly(
            row(7, "付款", "payments-api", "2026-02-27 10:00:00.123", "2.0", "app-store"),
            row(7, "退款😡", "payments-api", "2026-02-27 10:00:00.123", "2.0", "app-store"),
            row(8, "slow", "web-portal", "2026-02-28 00:00:00", null, "in-app"));
    assertThatThrownBy(() -> jdbc.update("INSERT INTO feedback_term (feedback_id, term) VALUES (8, 'crash')"))
        .as("no default left for a term that names no service").isInstanceOf(DataIntegrityViolationException.class);
  }

  private static Map<String, Object> row(long id, String term, String service, String occurredAt, String version,
      String channel) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("FEEDBACK_ID", id);
    row.put("TERM", term);
    row.put("SERVICE_KEY", service);
    row.put("OCCURRED_AT", occurredAt);
    row.put("VERSION", version);
    row.put("CHANNEL", channel);
    return row;
  }
}
