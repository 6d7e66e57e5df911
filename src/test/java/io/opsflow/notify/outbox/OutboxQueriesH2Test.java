package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.support.H2Database;

/**
 * The outbox's SQL on H2 (the demo profile's database); the integration tests run it on MariaDB.
 * Chinese, emoji and the longest title are stored whole on both.
 */
class OutboxQueriesH2Test {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private SqlSession session;
  private NotificationMapper outbox;
  private ChannelMapper channels;
  private long channel;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = H2Database.fresh("outbox");
    H2Database.flyway(h2).load().migrate();
    Configuration configuration = new Configuration(new Environment("h2", new JdbcTransactionFactory(), h2));
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setArgNameBasedConstructorAutoMapping(true);
    configuration.addMapper(NotificationMapper.class);
    configuration.addMapper(ChannelMapper.class);
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
    session = factory.openSession(true);
    outbox = session.getMapper(NotificationMapper.class);
    channels = session.getMapper(ChannelMapper.class);
    Inserted<ChannelMapper.Row> row = new Inserted<>(new ChannelMapper.Row(null, "值班群 🚨", "dingtalk", "v1:t",
        null, "zh-CN", NOW, NOW));
    channels.insert(row);
    channel = row.getId();
  }

  private long enqueue(String noticeId, String title) {
    Inserted<NotificationMapper.NewMessage> row = new Inserted<>(new NotificationMapper.NewMessage(noticeId,
        "incident.opened", "INC-1", channel, Outbox.CHANNEL, "zh-CN", title, "正文 🚨", "正文 🚨", null, "olivia", null,
        NOW));
    outbox.insertPending(row);
    return row.getId();
  }

  @Test
  void aClaimedRowBelongsToOneNodeUntilItsLeaseEnds() {
    String longestTitle = "事".repeat(498) + "🚨";
    long id = enqueue("incident.opened:INC-1", longestTitle);

    assertThat(channels.lock(channel).name()).isEqualTo("值班群 🚨");
    assertThat(outbox.dueChannels(NOW)).containsExactly(channel);
    assertThat(outbox.due(channel, NOW, 10)).extracting(NotificationMapper.Row::title).containsExactly(longestTitle);
    assertThat(outbox.claim(id, "node-a", NOW.plusSeconds(120), NOW)).isOne();
    assertThat(outbox.claim(id, "node-b", NOW.plusSeconds(120), NOW)).as("taken").isZero();
    assertThat(outbox.attemptsSince(channel, NOW.minusSeconds(60))).isOne();
    assertThat(outbox.releaseExpiredLeases(NOW.plusSeconds(60))).isZero();
    assertThat(outbox.releaseExpiredLeases(NOW.plusSeconds(121))).isOne();
    assertThat(outbox.claim(id, "node-b", NOW.plusSeconds(300), NOW.plusSeconds(121))).isOne();
    assertThat(outbox.delivered(id, "node-a", 200, "late", NOW)).as("not the owner any more").isZero();
    assertThat(outbox.delivered(id, "node-b", 200, "ok", NOW.plusSeconds(122))).isOne();

    NotificationMapper.Row delivered = outbox.find(id);
    assertThat(delivered.state()).isEqualTo("delivered");
    assertThat(delivered.attempts()).isEqualTo(2);
    assertThat(delivered.title()).isEqualTo(longestTitle);
    assertThat(outbox.countOf("incident.opened:INC-1", channel, Outbox.CHANNEL)).isOne();
  }

  @Test
  void mergedRowsPointAtTheirDigestAndTheHistoryShowsBoth() {
    long first = enqueue("a", "A");
    long second = enqueue("b", "B");
    Inserted<NotificationMapper.NewMessage> sending = new Inserted<>(new NotificationMapper.NewMessage(
        "digest:" + first, "digest", "digest", channel, Outbox.CHANNEL, "zh-CN", "2 条通知", "- A\n- B", "A\nB", null,
        null, null, NOW));
    outbox.insertSending(sending, "n", NOW.plusSeconds(60));
    long digest = sending.getId();
    NotificationMapper.Row digestRow = outbox.find(digest);
    assertThat(digestRow.state()).isEqualTo("sending");
    assertThat(digestRow.attempts()).isOne();
    assertThat(digestRow.leaseOwner()).isEqualTo("n");
    assertThat(digestRow.lastAttemptAt()).isEqualTo(NOW);
    outbox.claim(first, "n", NOW.plusSeconds(60), NOW);
    outbox.claim(second, "n", NOW.plusSeconds(60), NOW);

    assertThat(outbox.merge(first, "n", digest)).isOne();
    assertThat(outbox.merge(second, "n", digest)).isOne();

    assertThat(outbox.attemptsSince(channel, NOW.minusSeconds(60))).as("the digest is one message, the rows it merged none")
        .isOne();
    List<NotificationMapper.Entry> merged = outbox.history("INC-1", "merged", 10);
    assertThat(merged).extracting(NotificationMapper.Entry::mergedInto).containsOnly(digest);
    assertThat(merged.get(0).channelName()).isEqualTo("值班群 🚨");
    assertThat(outbox.history(null, null, 1)).hasSize(1);
  }
}
