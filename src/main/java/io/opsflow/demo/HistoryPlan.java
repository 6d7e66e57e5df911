package io.opsflow.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.opsflow.change.ChangeType;
import io.opsflow.incident.IncidentSource;
import io.opsflow.security.Groups;

/**
 * What happened to the demo services in the days before the first start: deployments and how they
 * went, incidents and how fast people answered, drills, what users said ({@link HistoryVoices}). Only the
 * plan: {@link HistoryRun} makes it happen through the real processes. The same seed and days give the same plan.
 *
 * <p>Times are UTC; the team works 09:00-19:00 Beijing time (01:00-11:00 UTC), deploys on working days,
 * and incidents come at any hour, most during the day.
 */
record HistoryPlan(Instant from, Instant to, List<Deployment> deployments, List<Outage> outages,
    List<FreezeWindow> freezeWindows, List<Drill> drills, HistoryVoices.Heard feedback) {

  static final long SEED = 14;
  static final int DAYS = 90;

  /** How a deployment went: CI reports it succeeded or failed; an alert in its window or QA sends it back. */
  enum Result { SUCCEEDED, FAILED, ROLLED_BACK_AFTER_ALERT, BROKEN_IN_PRODUCTION }

  /**
   * @param requestedBy who asked (the committer, or ops for a platform change): never the one who approves
   * @param sinceCommit from the commit to the request (the pipeline's build and tests)
   * @param plannedStart a CAB change's slot; null for "as soon as approved"
   */
  record Deployment(Instant at, String service, ChangeType type, String version, String title, String requestedBy,
      Duration sinceCommit, Instant plannedStart, boolean hasDbMigration, Result result) {
  }

  /**
   * An incident someone or something reports. How fast people answer is a share of its priority's
   * targets (the incident-priority decision's): below 1 held, above 1 breached.
   *
   * @param hotfix an emergency change fixes it before it is resolved
   */
  record Outage(Instant at, String service, IncidentSource source, String impact, String urgency, String category,
      String title, double acknowledgeShare, double resolveShare, boolean hotfix) {
  }

  record FreezeWindow(Instant startsAt, Instant endsAt, String reason) {
  }

  /** The day the daily drill check finds a plan due, and whether its drill is held (or left to schedule). */
  record Drill(Instant checkAt, String planKey, boolean held) {
  }

  private record Team(String service, int tier, double deploysPerWorkingDay, String[] titles, String[] outages) {
  }

  private static final List<Team> TEAMS = List.of(
      new Team("payments-api", 1, 0.5,
          new String[] {"支付回调重试 / Retry payment callbacks", "对账任务提速 / Faster reconciliation",
              "升级支付宝 SDK / Alipay SDK upgrade", "退款限额配置 / Refund limits", "微信支付证书轮换 / WeChat Pay cert rotation"},
          new String[] {"支付成功率下降 / Payment success rate dropped", "支付回调超时 / Payment callbacks time out",
              "对账差异 / Reconciliation mismatch", "数据库连接池耗尽 / DB connection pool exhausted"}),
      new Team("web-portal", 2, 0.7,
          new String[] {"首页改版 / New home page", "登录页修复 / Login page fix", "订单列表分页 / Order list paging",
              "多语言文案 / Translations", "图片懒加载 / Lazy image loading", "结算页样式 / Checkout styling"},
          new String[] {"登录页白屏 / Login page blank", "页面加载缓慢 / Pages load slowly", "结算按钮无响应 / Checkout button does nothing",
              "CDN 证书过期 / CDN certificate expired"}),
      new Team("reporting", 3, 0.5,
          new String[] {"日报导出 / Daily export", "报表缓存 / Report cache", "新增渠道维度 / Channel dimension",
              "查询超时调整 / Query timeouts"},
          new String[] {"日报未生成 / Daily report missing", "导出任务卡住 / Export job stuck", "报表数据延迟 / Report data late"}));

  private static final Map<String, String> DRILLED_PLANS = Map.of(
      "emergency-plan-service-outage", "web-portal",
      "emergency-plan-database-failure", "payments-api");

  /** The plan of the {@value #DAYS} days before {@code to}, from midnight UTC. */
  static HistoryPlan of(long seed, Instant to) {
    Random random = new Random(seed);
    Instant from = to.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
    List<FreezeWindow> freezes = freezeWindows(from, to);
    List<Deployment> deployments = new ArrayList<>();
    List<Outage> outages = new ArrayList<>();
    int[] versions = {40, 112, 7};
    for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); day.isBefore(LocalDate.ofInstant(to, ZoneOffset.UTC)
        .plusDays(1)); day = day.plusDays(1)) {
      Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      boolean workingDay = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
      for (int t = 0; t < TEAMS.size(); t++) {
        Team team = TEAMS.get(t);
        Instant at = midnight.plus(Duration.ofMinutes(60 + random.nextInt(540)));
        boolean deploys = workingDay && random.nextDouble() < team.deploysPerWorkingDay();
        if (deploys && !frozen(freezes, at)) {
          versions[t]++;
          deployments.add(deployment(random, team, at, versions[t]));
        }
        if (random.nextDouble() < 0.21 - 0.03 * team.tier()) {
          outages.add(outage(random, team, midnight));
        }
      }
    }
    List<Drill> drills = new ArrayList<>();
    // the daily check finds every plan due on the first morning (none was ever drilled)
    Instant firstCheck = from.plus(Duration.ofHours(1));
    DRILLED_PLANS.keySet().stream().sorted().forEach(plan -> drills.add(new Drill(firstCheck, plan, true)));
    drills.add(new Drill(firstCheck, "emergency-plan-security-incident", false));
    deployments.removeIf(deployment -> !deployment.at().isBefore(to));
    outages.removeIf(outage -> !outage.at().isBefore(to));
    deployments.sort(Comparator.comparing(Deployment::at));
    outages.sort(Comparator.comparing(Outage::at));
    return new HistoryPlan(from, to, List.copyOf(deployments), List.copyOf(outages), freezes, List.copyOf(drills),
        HistoryVoices.of(seed, from, to, deployments));
  }

  /** The service a drill of the plan exercises. */
  static String drilledService(String planKey) {
    return DRILLED_PLANS.getOrDefault(planKey, "payments-api");
  }

  private static Deployment deployment(Random random, Team team, Instant at, int version) {
    String title = team.titles()[random.nextInt(team.titles().length)];
    double roll = random.nextDouble();
    Result result = roll < 0.06 ? Result.FAILED : roll < 0.10 ? Result.ROLLED_BACK_AFTER_ALERT
        : roll < 0.13 && team.tier() == 1 ? Result.BROKEN_IN_PRODUCTION : Result.SUCCEEDED;
    // a tier-1 change with a migration goes to the CAB, in the next morning's slot
    boolean migration = team.tier() == 1 && random.nextDouble() < 0.15;
    Instant planned = migration ? at.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(26)) : null;
    // tier 2 and 3 deploy as pre-approved standard changes; tier 1 needs peers: ops asks for platform changes
    String requestedBy = team.tier() == 1 ? (random.nextBoolean() ? "olivia" : "oscar") : "devon";
    Duration sinceCommit = Duration.ofMinutes(20 + (long) (Math.pow(random.nextDouble(), 3) * 60 * 24 * 3));
    return new Deployment(at, team.service(), migration ? ChangeType.NORMAL : ChangeType.STANDARD,
        (team.tier() == 1 ? "3." : team.tier() == 2 ? "5." : "1.") + version + ".0", title, requestedBy, sinceCommit,
        planned, migration, result);
  }

  private static Outage outage(Random random, Team team, Instant midnight) {
    // most incidents start in the working day, some at night
    int minute = random.nextDouble() < 0.75 ? 60 + random.nextInt(600) : random.nextInt(1440);
    String[] levels = {"high", "medium", "low"};
    String impact = levels[weighted(random, team.tier() == 1 ? new double[] {0.35, 0.4, 0.25} : new double[] {0.15, 0.4, 0.45})];
    String urgency = levels[weighted(random, new double[] {0.3, 0.4, 0.3})];
    double sourceRoll = random.nextDouble();
    IncidentSource source = sourceRoll < 0.55 ? IncidentSource.ALERTMANAGER : sourceRoll < 0.85 ? IncidentSource.API
        : IncidentSource.TASKLIST;
    String category = team.outages().length > 3 && random.nextDouble() < 0.15 ? "database"
        : random.nextDouble() < 0.2 ? "performance" : "outage";
    // about one in six misses a target, the tight ones of P1 and P2 more often; the rest answer in a fifth to
    // nine tenths of it
    double miss = "high".equals(impact) || "high".equals(urgency) ? 0.22 : 0.12;
    double acknowledge = random.nextDouble() < miss ? 1.2 + random.nextDouble() * 2 : 0.2 + random.nextDouble() * 0.7;
    double resolve = random.nextDouble() < miss ? 1.1 + random.nextDouble() * 1.5 : 0.25 + random.nextDouble() * 0.65;
    boolean severe = "high".equals(impact) && !"low".equals(urgency);
    return new Outage(midnight.plus(Duration.ofMinutes(minute)), team.service(), source, impact, urgency, category,
        team.outages()[random.nextInt(team.outages().length)], acknowledge, resolve, severe && random.nextDouble() < 0.5);
  }

  private static int weighted(Random random, double[] weights) {
    double roll = random.nextDouble();
    for (int i = 0; i < weights.length - 1; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** The National Day holiday (1-7 October, China's longest) when it falls in the period, and the year-end freeze ahead. */
  private static List<FreezeWindow> freezeWindows(Instant from, Instant to) {
    List<FreezeWindow> windows = new ArrayList<>();
    LocalDate fromDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
    for (int year = fromDay.getYear(); year <= LocalDate.ofInstant(to, ZoneOffset.UTC).getYear(); year++) {
      Instant start = LocalDate.of(year, 10, 1).atStartOfDay().minusHours(8).toInstant(ZoneOffset.UTC);
      if (!start.isBefore(from) && start.isBefore(to)) {
        windows.add(new FreezeWindow(start, start.plus(Duration.ofDays(7)), "国庆假期封网 / National Day holiday freeze"));
      }
    }
    LocalDate toDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
    LocalDate yearEnd = LocalDate.of(toDay.getMonthValue() == 12 && toDay.getDayOfMonth() > 28 ? toDay.getYear() + 1
        : toDay.getYear(), 12, 28);
    Instant start = yearEnd.atStartOfDay().minusHours(8).toInstant(ZoneOffset.UTC);
    windows.add(new FreezeWindow(start, start.plus(Duration.ofDays(7)), "年终结算封网 / Year-end closing freeze"));
    return List.copyOf(windows);
  }

  private static boolean frozen(List<FreezeWindow> windows, Instant at) {
    return windows.stream().anyMatch(window -> !at.isBefore(window.startsAt()) && at.isBefore(window.endsAt()));
  }

  /** Who of a group does the work the history needs: ops take turns weekly (the demo's on-call rota). */
  static String person(String group, Instant at, String notThisOne) {
    return switch (group) {
      case Groups.OPS -> {
        String onCall = (ChronoUnit.WEEKS.between(LocalDate.of(2026, 1, 5), LocalDate.ofInstant(at, ZoneOffset.UTC)) % 2 == 0)
            ? "olivia" : "oscar";
        yield onCall.equals(notThisOne) ? ("olivia".equals(onCall) ? "oscar" : "olivia") : onCall;
      }
      case Groups.DEV -> "devon";
      case Groups.QA -> "quinn";
      case Groups.SECURITY -> "sasha";
      default -> "mia";
    };
  }
}
