package io.opsflow.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.feedback.Channel;
import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;
import io.opsflow.feedback.TriageState;
import io.opsflow.support.H2Database;

/** feedback-triage's queries on H2 (the demo profile's database); FeedbackTriageProcessIT runs them on MariaDB. */
class TriageQueriesH2Test {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private SqlSession session;
  private FeedbackMapper feedback;
  private TriageMapper triages;
  private int next;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = H2Database.fresh("triage");
    H2Database.migrate(h2, null);
    session = H2Database.session(h2, FeedbackMapper.class, TriageMapper.class);
    feedback = session.getMapper(FeedbackMapper.class);
    triages = session.getMapper(TriageMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private FeedbackMapper.NewRow item(long daysAgo, Sentiment sentiment, String text) {
    Instant at = NOW.minusSeconds(daysAgo * 86_400);
    FeedbackMapper.NewRow row = new FeedbackMapper.NewRow(new FeedbackMapper.Row(0, "payments-api", null,
        Channel.APP_STORE, "x" + next++, text, null, at, at, null, Language.ZH, sentiment, BigDecimal.valueOf(-0.5)),
        "test");
    feedback.insert(row);
    return row;
  }

  @Test
  void aTriageTakesOnlyUntakenItemsAndItsReplyReachesEachItemWhole() {
    FeedbackMapper.NewRow firstItem = item(1, Sentiment.NEGATIVE, "付款失败 😡");
    long first = firstItem.feedbackId;
    long second = item(2, Sentiment.NEGATIVE, "付款太慢").feedbackId;
    long old = item(30, Sentiment.NEGATIVE, "很久以前").feedbackId;
    feedback.insertTerms(firstItem, List.of("付款"));
    Instant since = NOW.minusSeconds(7 * 86_400);
    assertThat(triages.untaken("payments-api", since)).extracting(TriageMapper.Candidate::feedbackId)
        .containsExactly(first, second);
    assertThat(triages.untakenTerms("payments-api", since)).containsExactly(new TriageMapper.ItemTerm(first, "付款"));

    triages.insert(new TriageMapper.Row("TRIAGE-2026-0001", "payments-api", "付款", 2, NOW, NOW, TriageState.OPEN,
        NOW, null, null, null, null, null, null, null, NOW));
    assertThat(triages.take("TRIAGE-2026-0001", List.of(first, second))).isEqualTo(2);
    triages.insert(new TriageMapper.Row("TRIAGE-2026-0002", "payments-api", "付款", 3, NOW, NOW, TriageState.OPEN,
        NOW, null, null, null, null, null, null, null, NOW));
    assertThat(triages.take("TRIAGE-2026-0002", List.of(first, second, old))).as("only the old one is left").isOne();
    assertThat(triages.untaken("payments-api", since)).isEmpty();
    TriageMapper.Span span = triages.span("TRIAGE-2026-0001");
    assertThat(span.itemCount()).isEqualTo(2);
    assertThat(span.lastAt()).isEqualTo(NOW.minusSeconds(86_400));

    String reply = "已修复，谢谢 🙏";
    assertThat(triages.decide("TRIAGE-2026-0001", TriageState.ANSWERED, null, reply, null, "devon", NOW)).isOne();
    assertThat(triages.decide("TRIAGE-2026-0001", TriageState.DISMISSED, null, null, "late", "mia", NOW)).isZero();
    assertThat(triages.replyToItems("TRIAGE-2026-0001", reply)).isEqualTo(2);
    assertThat(triages.items("TRIAGE-2026-0001", 10)).extracting(FeedbackMapper.Row::reply).containsOnly(reply);
    assertThat(triages.items("TRIAGE-2026-0001", 10).get(0).body()).isEqualTo("付款失败 😡");
    assertThat(triages.find("TRIAGE-2026-0001").state()).isEqualTo(TriageState.ANSWERED);
    assertThat(triages.search(new TriageMapper.Filter("payments-api", TriageState.OPEN, List.of("payments-api")), 0,
        10)).extracting(TriageMapper.Row::triageKey).containsExactly("TRIAGE-2026-0002");
  }
}
