package io.opsflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.opsflow.demo.HistoryPlan.Deployment;
import io.opsflow.demo.HistoryPlan.Result;
import io.opsflow.feedback.Channel;

/**
 * What the demo services' users said in the {@value HistoryPlan#DAYS} days, in Chinese and English: mostly content,
 * some annoyed, some only asking, until one web-portal release goes wrong for its users (it passed its checks): for
 * a few days they complain twice as often, within its first hours enough of them at once for a negative spike, and
 * the next release quietens them. The same seed and deployments give the same voices.
 *
 * <p>Only the plan: {@link HistoryRun} sends them through the feedback intake as the support desk forwards them,
 * each hour what the hour brought.
 */
final class HistoryVoices {

  /** How the user meant it; the texts of each mood read so to the feedback analyser (HistoryVoicesTest checks). */
  enum Mood { PLEASED, ASKING, ANNOYED }

  record Voice(Instant at, String service, String version, Channel channel, String text, Integer rating,
      String externalId, String userRef, Mood mood) {
  }

  /** The release users disliked, and the voices: the plan's feedback. */
  record Heard(Deployment badRelease, List<Voice> voices) {
  }

  /** The spike: so many complaints about the bad release within one hour, that hour after it was deployed. */
  static final int SPIKE_COMPLAINTS = 9;
  static final Duration SPIKE_AFTER = Duration.ofHours(2);
  /** How long users complain about the bad release at most, if no release fixes it sooner. */
  private static final Duration DIP = Duration.ofDays(5);
  private static final Duration BAD_RELEASE_BEFORE_THE_END = Duration.ofDays(20);

  private record Service(String key, String firstVersion, double perDay, boolean weekdaysOnly, Map<Mood, String[]> texts) {
  }

  private static final List<Service> SERVICES = List.of(
      new Service("payments-api", "3.40.0", 5, false, Map.of(
          Mood.PLEASED, new String[] {"付款很快，一下就成功了", "退款到账很及时，点赞", "支付流程很顺畅，体验不错",
              "微信支付秒到，非常方便", "Payment went through instantly, great job", "Refund arrived the same day, very happy",
              "Checkout with Alipay was smooth and fast", "Paying is quick and easy now, thanks"},
          Mood.ASKING, new String[] {"请问怎么开通分期付款", "怎么修改默认的银行卡", "How do I change my default card?",
              "Where do I see my payment history?"},
          Mood.ANNOYED, new String[] {"付款一直失败，太失望了", "扣款了但订单显示未支付，客服也不理人", "退款三天了还没到账，太差了",
              "支付页面一直转圈，很差", "Payment failed three times, really frustrating",
              "I was charged twice and nobody answers", "Refund still not here after a week, terrible"})),
      new Service("web-portal", "5.112.0", 8, false, Map.of(
          Mood.PLEASED, new String[] {"新首页很好看，找东西方便多了", "页面加载很快，赞", "订单列表清楚多了，好用",
              "界面简洁，操作很顺手", "The new home page looks great", "Pages load fast now, love it",
              "Order history is much easier to read", "Clean design and very easy to use"},
          Mood.ASKING, new String[] {"请问在哪里查看发票", "怎么修改收货地址", "How do I change the language?",
              "How do I change my delivery address?"},
          Mood.ANNOYED, new String[] {"登录老是失败，很烦", "页面打不开，白屏了", "图片加载太慢了，体验很差",
              "Login keeps failing, very annoying", "The page stays blank after I sign in, really bad",
              "Images take forever to load, awful"})),
      new Service("reporting", "1.7.0", 2.5, true, Map.of(
          Mood.PLEASED, new String[] {"日报导出很方便", "报表数据很准确，好用", "The daily export is great and saves me time",
              "Reports are accurate and easy to share, great"},
          Mood.ASKING, new String[] {"请问报表能按周汇总吗", "How do I add a column to the report?"},
          Mood.ANNOYED, new String[] {"报表导出太慢了，很失望", "日报又没生成，太差了", "The report export is slow and often fails",
              "Numbers in the daily report are wrong again, useless"})));

  /** What users of the web portal said about the bad release. */
  private static final String[] BAD_RELEASE_COMPLAINTS = {"新版首页太卡了，根本没法用", "更新后找不到订单入口，太难用了",
      "新版本结算按钮点了没反应，差评", "改版后页面加载特别慢，还不如以前", "新版本一直闪退，太失望了",
      "The new version is so slow, I can't find anything", "After the update the checkout button does nothing",
      "Worst redesign ever, please bring the old one back", "Since the update my orders page is empty, useless",
      "The new home page keeps freezing, terrible"};

  private static final Channel[] CHANNELS = {Channel.IN_APP, Channel.IN_APP, Channel.IN_APP, Channel.APP_STORE,
      Channel.SUPPORT, Channel.SOCIAL, Channel.SURVEY};

  private HistoryVoices() {
  }

  static Heard of(long seed, Instant from, Instant to, List<Deployment> deployments) {
    // a random of their own, so that the deployments and incidents are the same with or without them
    Random random = new Random(seed * 7919 + 1);
    Deployment bad = badRelease(deployments, to);
    Instant dipEnds = deployments.stream().filter(d -> d.service().equals(bad.service()) && d.at().isAfter(bad.at()))
        .map(d -> d.at().plus(Duration.ofHours(1))).findFirst().orElse(bad.at().plus(DIP));
    Instant dipStarts = bad.at().plus(Duration.ofHours(1));
    Map<String, Integer> numbers = new HashMap<>();
    List<Voice> voices = new ArrayList<>();
    for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); day.isBefore(LocalDate.ofInstant(to, ZoneOffset.UTC)
        .plusDays(1)); day = day.plusDays(1)) {
      Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      boolean weekend = day.getDayOfWeek().getValue() >= 6;
      for (Service service : SERVICES) {
        if (weekend && service.weekdaysOnly()) {
          continue;
        }
        boolean dip = service.key().equals(bad.service()) && midnight.isBefore(dipEnds)
            && midnight.plus(Duration.ofDays(1)).isAfter(dipStarts);
        int count = (int) Math.round(service.perDay() * (weekend ? 0.6 : 1) * (dip ? 2 : 1) * (0.6 + random.nextDouble() * 0.8));
        for (int i = 0; i < count; i++) {
          Instant at = midnight.plus(Duration.ofSeconds(daytime(random)));
          boolean complaint = dip && !at.isBefore(dipStarts) && at.isBefore(dipEnds) && random.nextDouble() < 0.6;
          Mood mood = complaint ? Mood.ANNOYED : mood(random);
          String text = complaint ? pick(random, BAD_RELEASE_COMPLAINTS) : pick(random, service.texts().get(mood));
          voices.add(voice(random, numbers, service, deployments, at, text, mood));
        }
      }
    }
    // the first hours after the bad release: complaints pile up within one hour
    Service portal = SERVICES.stream().filter(s -> s.key().equals(bad.service())).findFirst().orElseThrow();
    Instant spikeHour = bad.at().plus(SPIKE_AFTER).truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < SPIKE_COMPLAINTS; i++) {
      Instant at = spikeHour.plus(Duration.ofMinutes(10 + random.nextInt(48)));
      voices.add(voice(random, numbers, portal, deployments, at, BAD_RELEASE_COMPLAINTS[i % BAD_RELEASE_COMPLAINTS.length],
          Mood.ANNOYED));
    }
    voices.removeIf(voice -> voice.at().isBefore(from) || !voice.at().isBefore(to));
    voices.sort(Comparator.comparing(Voice::at).thenComparing(Voice::externalId));
    return new Heard(bad, List.copyOf(voices));
  }

  /** The web portal's successful release nearest to {@value #BAD_RELEASE_BEFORE_THE_END}-ish days before the end. */
  private static Deployment badRelease(List<Deployment> deployments, Instant to) {
    Instant around = to.minus(BAD_RELEASE_BEFORE_THE_END);
    return deployments.stream().filter(d -> d.service().equals("web-portal") && d.result() == Result.SUCCEEDED)
        .min(Comparator.comparing(d -> Duration.between(d.at(), around).abs())).orElseThrow();
  }

  /** Seconds after midnight UTC: mostly Beijing's day and evening (00:00-15:00 UTC), some at night. */
  private static long daytime(Random random) {
    return random.nextDouble() < 0.85 ? random.nextInt(15 * 3600) : 15 * 3600 + random.nextInt(9 * 3600);
  }

  private static Mood mood(Random random) {
    double roll = random.nextDouble();
    return roll < 0.55 ? Mood.PLEASED : roll < 0.75 ? Mood.ASKING : Mood.ANNOYED;
  }

  private static Voice voice(Random random, Map<String, Integer> numbers, Service service, List<Deployment> deployments,
      Instant at, String text, Mood mood) {
    Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
    boolean rated = channel == Channel.IN_APP || channel == Channel.APP_STORE || channel == Channel.SURVEY;
    Integer rating = !rated ? null : switch (mood) {
      case PLEASED -> 4 + random.nextInt(2);
      case ASKING -> 3;
      case ANNOYED -> 1 + random.nextInt(2);
    };
    int number = numbers.merge(channel.code(), 1, Integer::sum);
    return new Voice(at, service.key(), version(service, deployments, at), channel, text, rating,
        "demo-" + channel.code() + "-" + number, "user-" + service.key() + "-" + random.nextInt(300), mood);
  }

  /** The version users had: the service's last successful deployment before (CI's run takes under an hour). */
  private static String version(Service service, List<Deployment> deployments, Instant at) {
    return deployments.stream().filter(d -> d.service().equals(service.key()) && d.result() == Result.SUCCEEDED
        && d.at().plus(Duration.ofHours(1)).isBefore(at)).reduce((first, second) -> second).map(Deployment::version)
        .orElse(service.firstVersion());
  }

  private static String pick(Random random, String[] texts) {
    return texts[random.nextInt(texts.length)];
  }
}
