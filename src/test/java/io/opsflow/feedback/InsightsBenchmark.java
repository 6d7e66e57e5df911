package io.opsflow.feedback;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opsflow.feedback.persistence.FeedbackMapper;
import io.opsflow.support.BenchmarkApplication;
import io.opsflow.support.Benchmarks;
import io.opsflow.support.TestDatabase;

/**
 * Insights and the feedback list at 1,000,000 stored items on MariaDB (issue 12): prints the load
 * time, the load average, p50/p95/max of each query (N runs after a warm-up, as a Markdown table) and the EXPLAIN of
 * the SQL MyBatis sends; asserts nothing. Its name matches no test pattern, so a normal build does
 * not run it:
 * {@code ./mvnw -q test -Dtest=InsightsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It recreates the database {@code opsflow_bench} (plus OPSFLOW_TEST_DB_SUFFIX) on the ITs' server,
 * migrates it through the application (the real Flyway schema), generates the items on the server
 * (MariaDB's sequence engine) and drops the database at the end; {@code -Dbench.keep=true} keeps it.
 */
@Tag("benchmark")
@BenchmarkApplication
class InsightsBenchmark {

  static final String DATABASE = TestDatabase.name("opsflow_bench");
  static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
  static final int RUNS = Integer.getInteger("bench.runs", 50);
  static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
  /** Only the queries whose name starts with this ({@code -Dbench.only=insights}); all by default. */
  static final String ONLY = System.getProperty("bench.only", "");
  /** The items span the year before this moment. */
  static final Instant END = Instant.parse("2026-11-27T00:00:00Z");
  static final Instant FROM = END.minus(Duration.ofDays(30));
  static final String BIG = "payments-api";
  static final String SMALL = "report-svc";
  static final String MAPPER = FeedbackMapper.class.getName() + ".";

  @Autowired
  Feedback feedback;
  @Autowired
  DataSource dataSource;
  @Autowired
  SqlSessionFactory sessions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Benchmarks.database(registry, DATABASE);
  }

  @AfterAll
  static void drop() {
    Benchmarks.drop(DATABASE);
  }

  @Test
  void printInsightsAndListTimesAtScale() throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long start = System.nanoTime();
    load(jdbc);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%n== Insights at scale: %,d items, %,d terms, loaded in %.0f s; %s: %,d items, %,d in the 30 days%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM feedback_term", Long.class), loadSeconds, BIG,
        jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE service_key = ?", Long.class, BIG),
        jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE service_key = ? AND occurred_at >= ? AND occurred_at < ?",
            Long.class, BIG, java.sql.Timestamp.from(FROM), java.sql.Timestamp.from(END)));

    Map<String, Supplier<Object>> queries = new java.util.LinkedHashMap<>();
    for (GroupBy groupBy : GroupBy.values()) {
      queries.put("insights " + BIG + " 30 days by " + groupBy.code(), () -> feedback.insights(BIG, FROM, END, groupBy));
    }
    queries.put("insights " + SMALL + " 30 days by day", () -> feedback.insights(SMALL, FROM, END, GroupBy.DAY));
    queries.put("list " + BIG + " page 0", () -> feedback.search(BIG, null, null, null, null, null, 0, 50));
    queries.put("list " + BIG + " page 200 (offset 10,000)", () -> feedback.search(BIG, null, null, null, null, null, 200, 50));
    queries.put("list " + BIG + " q=退款 page 0", () -> feedback.search(BIG, null, null, null, null, "退款", 0, 50));
    queries.put("list " + BIG + " q=退款 page 20", () -> feedback.search(BIG, null, null, null, null, "退款", 20, 50));
    queries.put("list all page 0", () -> feedback.search(null, null, null, null, null, null, 0, 50));
    queries.put("list all page 200 (offset 10,000)", () -> feedback.search(null, null, null, null, null, null, 200, 50));
    queries.put("list all negative q=crash page 0",
        () -> feedback.search(null, null, Sentiment.NEGATIVE, null, null, "crash", 0, 50));

    queries.keySet().removeIf(name -> !name.startsWith(ONLY));
    Benchmarks.time("query", queries, RUNS, WARM_UP);

    FeedbackMapper.Filter window = new FeedbackMapper.Filter(BIG, null, null, FROM, END, null);
    explain("groups by day", "groups", Map.of("f", window, "groupBy", "day"));
    explain("terms by day", "terms", Map.of("w", new FeedbackMapper.Window(BIG, FROM, END), "groupBy", "day"));
    FeedbackMapper.Filter service = new FeedbackMapper.Filter(BIG, null, null, null, null, null);
    explain("search page 200", "search", Map.of("f", service, "offset", 10_000L, "limit", 50));
    explain("count", "count", Map.of("f", service));
    explain("search q page 0", "search",
        Map.of("f", new FeedbackMapper.Filter(BIG, null, null, null, null, "退款"), "offset", 0L, "limit", 50));
  }

  /** Prints the EXPLAIN of the statement MyBatis builds for these parameters, with them bound by MyBatis. */
  private void explain(String title, String statement, Map<String, Object> parameters) throws SQLException {
    Benchmarks.explain(sessions, dataSource, MAPPER + statement, parameters).print(title);
  }

  /**
   * Generates the items on the server, in chunks: ten services (payments-api about 35 %), a year of
   * occurred_at, a version a month (three patches, 10 % without), six channels, about 30 % negative
   * with 2 to 5 terms each, 60 % rated, Chinese, English and mixed text.
   */
  private static void load(JdbcTemplate jdbc) {
    int chunk = 100_000;
    for (int first = 1; first <= ITEMS; first += chunk) {
      long before = jdbc.queryForObject("SELECT COALESCE(MAX(feedback_id), 0) FROM feedback", Long.class);
      jdbc.update(ITEMS_SQL, END.getEpochSecond(), first, Math.min(ITEMS, first + chunk - 1));
      jdbc.update(TERMS_SQL, before);
    }
    jdbc.execute("ANALYZE TABLE feedback, feedback_term");
  }

  private static final String ITEMS_SQL = """
      INSERT INTO feedback (service_key, version, channel, external_id, body, rating, occurred_at, received_at,
        user_hash, language, sentiment, score, recorded_by)
      SELECT
        CASE WHEN a % 100 < 35 THEN 'payments-api' ELSE ELT(1 + (a DIV 100) % 9, 'web-portal', 'orders-api',
          'search-api', 'user-center', 'mobile-app', 'inventory-svc', 'notify-svc', 'report-svc', 'auth-gateway') END,
        CASE WHEN b % 10 = 0 THEN NULL ELSE CONCAT('3.', (365 - age DIV 86400) DIV 30, '.', b % 3) END,
        ELT(1 + (b DIV 10) % 10, 'in-app', 'in-app', 'in-app', 'app-store', 'app-store', 'app-store', 'support',
          'social', 'survey', 'other'),
        CONCAT('bench-', seq),
        CONCAT(CASE
          WHEN mood < 30 THEN ELT(1 + lang * 3 + e % 3,
            '付款一直失败，退款也很慢，客服没有回复，太失望了', '更新以后闪退，登录不了，页面加载特别慢',
            '扣款两次，退款申请提交了三天还没有处理', 'The app keeps crashing at checkout and the refund never arrived',
            'Login fails after the update, support did not answer, very disappointed',
            'Payment was charged twice and the page is so slow', '支付页面 keeps crashing，退款 still pending',
            '登录 fails every time，客服 no reply', 'checkout 太慢了 and the crash is annoying')
          WHEN mood < 55 THEN ELT(1 + lang * 3 + e % 3,
            '今天更新了新版本，界面有些变化', '请问发票在哪里下载', '建议增加夜间模式',
            'Updated to the new version today', 'Where can I download the invoice', 'Please add a dark mode',
            '新版本 has a new menu', 'invoice 在哪里 download', '希望 support Apple Pay')
          ELSE ELT(1 + lang * 3 + e % 3,
            '付款很快，体验非常好', '新版本界面清爽，好用', '客服回复及时，点赞',
            'Checkout is fast now, love it', 'Great update, the app feels smooth', 'Support solved my issue quickly',
            '新版本 is great，付款很快', 'checkout 体验很好 love it', '客服 was helpful，谢谢')
          END, ' #', seq),
        CASE WHEN c % 10 < 4 THEN NULL WHEN mood < 30 THEN 1 + c % 2 WHEN mood < 55 THEN 3 ELSE 4 + c % 2 END,
        at, at + INTERVAL (c % 600) SECOND,
        CASE WHEN c % 3 = 0 THEN NULL ELSE SHA2(CONCAT('user-', c % 50000), 256) END,
        ELT(1 + lang, 'zh', 'en', 'mixed'),
        CASE WHEN mood < 30 THEN 'negative' WHEN mood < 55 THEN 'neutral' ELSE 'positive' END,
        ROUND(CASE WHEN mood < 30 THEN -0.05 - (e % 900) / 1000 WHEN mood < 55 THEN (e % 99 - 49) / 1000
          ELSE 0.05 + (e % 900) / 1000 END, 3),
        'bench'
      FROM (
        SELECT seq, a, b, c, e, age, TIMESTAMP'1970-01-01 00:00:00' + INTERVAL (? - age) SECOND AS at, e DIV 1000 % 100 AS mood,
          CASE WHEN b DIV 100 % 10 < 5 THEN 0 WHEN b DIV 100 % 10 < 9 THEN 1 ELSE 2 END AS lang
        FROM (
          SELECT seq, CAST(CRC32(CONCAT('a', seq)) AS SIGNED) AS a, CAST(CRC32(CONCAT('b', seq)) AS SIGNED) AS b, CAST(CRC32(CONCAT('c', seq)) AS SIGNED) AS c,
            CAST(CRC32(CONCAT('e', seq)) AS SIGNED) AS e, CAST(CRC32(CONCAT('t', seq)) % (365 * 86400) AS SIGNED) AS age
          FROM seq_1_to_10000000 WHERE seq BETWEEN ? AND ?) hashed) generated""";

  /** 2 to 5 distinct terms per negative item, from a list of 30 (11 · k mod 30 differs for k = 1 … 5). */
  private static final String TERMS_SQL = """
      INSERT INTO feedback_term (feedback_id, service_key, occurred_at, version, channel, term)
      SELECT f.feedback_id, f.service_key, f.occurred_at, f.version, f.channel, ELT(1 + (CRC32(CONCAT('w', f.feedback_id)) + s.seq * 11) % 30,
        '付款', '退款', '闪退', '登录', '客服', '页面', '加载', '扣款', '验证码', '更新', '发票', '优惠券', '地址', '订单',
        '短信', '密码', '账号', '卡顿', '界面', '通知', 'crash', 'refund', 'login', 'checkout', 'slow', 'payment',
        'support', 'update', 'password', 'invoice')
      FROM feedback f JOIN seq_1_to_5 s ON s.seq <= 2 + f.feedback_id % 4
      WHERE f.sentiment = 'negative' AND f.feedback_id > ?""";
}
