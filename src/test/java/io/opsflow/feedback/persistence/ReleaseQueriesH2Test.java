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
import io.opsflow.support.H2Database;

/** The release comparison's and the complaint terms' queries on H2 (the demo profile's database); the ITs run them on MariaDB. */
class ReleaseQueriesH2Test {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private SqlSession session;
  private FeedbackMapper feedback;
  private int next;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = H2Database.fresh("release");
    H2Database.migrate(h2, null);
    session = H2Database.session(h2, FeedbackMapper.class);
    feedback = session.getMapper(FeedbackMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private FeedbackMapper.NewRow item(String version, long daysAgo, Sentiment sentiment, double score, Integer rating) {
    return item("payments-api", version, Channel.APP_STORE, daysAgo, sentiment, score, rating);
  }

  private FeedbackMapper.NewRow item(String service, String version, Channel channel, long daysAgo,
      Sentiment sentiment, double score, Integer rating) {
    Instant at = NOW.minusSeconds(daysAgo * 86_400);
    FeedbackMapper.NewRow row = new FeedbackMapper.NewRow(new FeedbackMapper.Row(0, service, version, channel,
        "x" + next++, "付款失败 😡", rating, at, at, null, Language.ZH, sentiment, BigDecimal.valueOf(score)), "test");
    feedback.insert(row);
    return row;
  }

  @Test
  void aVersionsFiguresAndTheLatestOtherVersionBeforeAMoment() {
    item("1.0", 9, Sentiment.POSITIVE, 0.5, 5);
    item("1.1", 5, Sentiment.NEGATIVE, -0.5, 1);
    item("2.0", 2, Sentiment.NEGATIVE, -0.8, 1);
    item("2.0", 1, Sentiment.POSITIVE, 0.4, null);
    item(null, 1, Sentiment.NEUTRAL, 0, null);

    FeedbackMapper.Group two = feedback.ofVersion("payments-api", "2.0");
    assertThat(two.volume()).isEqualTo(2);
    assertThat(two.negative()).isOne();
    assertThat(two.averageScore().doubleValue()).isEqualTo(-0.2, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(two.averageRating().doubleValue()).isEqualTo(1.0);
    FeedbackMapper.Group none = feedback.ofVersion("payments-api", "3.0");
    assertThat(none.volume()).isZero();
    assertThat(none.negative()).isZero();
    assertThat(none.averageScore()).isNull();

    assertThat(feedback.latestOtherVersion("payments-api", "2.0", NOW)).isEqualTo("1.1");
    assertThat(feedback.latestOtherVersion("payments-api", "2.0", NOW.minusSeconds(6 * 86_400))).isEqualTo("1.0");
    assertThat(feedback.latestOtherVersion("payments-api", "1.0", NOW.minusSeconds(9 * 86_400))).isNull();
    assertThat(feedback.latestOtherVersion("web-portal", "2.0", NOW)).isNull();
  }

  @Test
  void complaintTermsAreCountedPerGroupFromTheTermsOwnServiceTimeVersionAndChannel() {
    feedback.insertTerms(item("2.0", 2, Sentiment.NEGATIVE, -0.8, 1), List.of("付款", "退款😡"));
    feedback.insertTerms(item(null, 1, Sentiment.NEGATIVE, -0.5, null), List.of("付款"));
    feedback.insertTerms(item("payments-api", "2.0", Channel.IN_APP, 1, Sentiment.NEGATIVE, -0.5, null), List.of("付款"));
    feedback.insertTerms(item("2.0", 40, Sentiment.NEGATIVE, -0.5, null), List.of("付款"));
    feedback.insertTerms(item("web-portal", "2.0", Channel.APP_STORE, 1, Sentiment.NEGATIVE, -0.5, null),
        List.of("付款"));
    FeedbackMapper.Window week = new FeedbackMapper.Window("payments-api", NOW.minusSeconds(7 * 86_400), NOW);

    assertThat(feedback.terms(week, "all")).containsExactlyInAnyOrder(
        new FeedbackMapper.TermCount("all", "付款", 3), new FeedbackMapper.TermCount("all", "退款😡", 1));
    assertThat(feedback.terms(week, "version")).containsExactlyInAnyOrder(
        new FeedbackMapper.TermCount("2.0", "付款", 2), new FeedbackMapper.TermCount("2.0", "退款😡", 1),
        new FeedbackMapper.TermCount("", "付款", 1));
    assertThat(feedback.terms(week, "channel")).containsExactlyInAnyOrder(
        new FeedbackMapper.TermCount("app-store", "付款", 2), new FeedbackMapper.TermCount("app-store", "退款😡", 1),
        new FeedbackMapper.TermCount("in-app", "付款", 1));
    assertThat(feedback.terms(week, "day")).containsExactlyInAnyOrder(
        new FeedbackMapper.TermCount("2026-02-27", "付款", 1), new FeedbackMapper.TermCount("2026-02-27", "退款😡", 1),
        new FeedbackMapper.TermCount("2026-02-28", "付款", 2));
  }
}
