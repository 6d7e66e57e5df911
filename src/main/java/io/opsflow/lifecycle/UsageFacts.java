package io.opsflow.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.change.Changes;
import io.opsflow.change.Release;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.lifecycle.persistence.UsageMapper;

/**
 * Usage facts (用户行为分析): daily aggregates per service and feature, recorded from analytics jobs
 * and read as a report per service and period, with the features whose use fell after a release or
 * that almost nobody uses. What launch reports and retrospectives call.
 */
@Component
public class UsageFacts {

  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  /** The most days one usage report covers. */
  public static final int MAX_REPORT_DAYS = 366;
  static final int DEFAULT_REPORT_DAYS = 28;
  private static final int MAX_RELEASES = 100;
  private static final int ATTEMPTS = 3;

  private final UsageMapper mapper;
  private final ServiceCatalog catalog;
  private final Changes changes;
  private final UsageSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  UsageFacts(UsageMapper mapper, ServiceCatalog catalog, Changes changes, UsageSettings settings,
      TransactionTemplate transaction, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.changes = changes;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Records a batch, all or nothing: a bad day refuses the batch, naming every problem. A repeat of a
   * service's day, or of a feature's day, replaces what was reported before.
   */
  public UsageRecorded record(UsageBatch batch, String recordedBy) {
    List<String> problems = problems(batch);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid usage facts, nothing was recorded: " + String.join("; ", problems) + ".");
    }
    // two batches inserting the same new day at once: the loser finds the row on its next attempt
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> write(batch, recordedBy));
      } catch (DuplicateKeyException sameDayAtTheSameMoment) {
        if (attempt == ATTEMPTS) {
          throw sameDayAtTheSameMoment;
        }
      }
    }
  }

  private List<String> problems(UsageBatch batch) {
    List<String> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
    Set<String> seenDays = new HashSet<>();
    Map<String, Boolean> known = new LinkedHashMap<>();
    for (int i = 0; i < batch.days().size(); i++) {
      UsageBatch.Day day = batch.days().get(i);
      String at = "days[" + i + "]";
      if (!known.computeIfAbsent(day.service(), key -> catalog.find(key).isPresent())) {
        problems.add(at + ".service '" + day.service() + "' is not in the catalog");
      }
      LocalDate date = parseDayOrNull(day.day());
      if (date == null || date.isBefore(EARLIEST) || date.isAfter(today)) {
        problems.add(at + ".day must be a real date from " + EARLIEST + " to today (" + today + ")");
      } else if (!seenDays.add(day.service() + "\n" + date)) {
        problems.add(at + " repeats " + day.service() + " on " + date + ", already in this batch");
      }
      Set<String> features = new HashSet<>();
      for (int j = 0; j < day.features().size(); j++) {
        UsageBatch.Feature feature = day.features().get(j);
        String field = at + ".features[" + j + "]";
        String name = feature.feature().strip();
        if (!features.add(name)) {
          problems.add(field + ".feature '" + name + "' appears twice on this day");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
          problems.add(field + ".feature must not contain control characters");
        }
        if (feature.activeUsers() > day.activeUsers()) {
          problems.add(field + ".activeUsers (" + feature.activeUsers() + ") exceeds the service's activeUsers ("
              + day.activeUsers() + ")");
        }
        if (feature.uses() < feature.activeUsers()) {
          problems.add(field + ".uses (" + feature.uses() + ") is less than its activeUsers (" + feature.activeUsers()
              + "): each active user used it at least once");
        }
      }
    }
    return problems;
  }

  private UsageRecorded write(UsageBatch batch, String recordedBy) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int features = 0;
    int replaced = 0;
    for (UsageBatch.Day day : batch.days()) {
      LocalDate date = parseDayOrNull(day.day());
      UsageMapper.ServiceDay serviceDay = new UsageMapper.ServiceDay(day.service(), date, day.activeUsers(),
          recordedBy, now);
      if (mapper.updateServiceDay(serviceDay) == 0) {
        mapper.insertServiceDay(serviceDay);
      } else {
        replaced++;
      }
      for (UsageBatch.Feature feature : day.features()) {
        UsageMapper.FeatureDay featureDay = new UsageMapper.FeatureDay(day.service(), feature.feature().strip(), date,
            feature.activeUsers(), feature.uses(), feature.medianSecondsSpent(), recordedBy, now);
        if (mapper.updateFeatureDay(featureDay) == 0) {
          mapper.insertFeatureDay(featureDay);
        } else {
          replaced++;
        }
        features++;
      }
    }
    return new UsageRecorded(batch.days().size(), features, replaced);
  }

  /**
   * The service's usage from {@code from} to {@code to}, both days included.
   *
   * @param from null: {@value #DEFAULT_REPORT_DAYS} days before {@code to}
   * @param to null: today
   */
  public UsageReport report(String service, LocalDate from, LocalDate to) {
    catalog.get(service);
    LocalDate end = to != null ? to : LocalDate.now(clock.withZone(settings.zone()));
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_REPORT_DAYS - 1L);
    if (start.isAfter(end)) {
      throw Refusal.invalid("from (" + start + ") must not be after to (" + end + ").");
    }
    if (start.isBefore(EARLIEST) || ChronoUnit.DAYS.between(start, end) >= MAX_REPORT_DAYS) {
      throw Refusal.invalid("A usage report covers at most " + MAX_REPORT_DAYS + " days from " + EARLIEST
          + "; ask for a shorter period.");
    }
    int window = settings.releaseWindowDays();
    List<UsageMapper.ServiceDay> serviceDays = mapper.serviceDays(service, start, end);
    Map<LocalDate, Long> serviceUsers = serviceDays.stream()
        .collect(Collectors.toMap(UsageMapper.ServiceDay::usageDay, UsageMapper.ServiceDay::activeUsers));
    List<Release> releases = changes.releasedBetween(service, start.atStartOfDay(settings.zone()).toInstant(),
        end.plusDays(1).atStartOfDay(settings.zone()).toInstant(), MAX_RELEASES);
    Map<String, List<UsageMapper.FeatureDay>> byFeature = mapper.featureDays(service, start.minusDays(window),
        end.plusDays(window)).stream().collect(Collectors.groupingBy(UsageMapper.FeatureDay::feature,
            LinkedHashMap::new, Collectors.toList()));
    List<UsageReport.FeatureUsage> features = byFeature.entrySet().stream()
        .map(entry -> feature(entry.getKey(), entry.getValue(), start, end, serviceUsers, releases))
        .filter(feature -> !feature.trend().isEmpty())
        .sorted(Comparator.comparingLong(UsageReport.FeatureUsage::uses).reversed()
            .thenComparing(UsageReport.FeatureUsage::feature))
        .toList();
    return new UsageReport(service, start, end, new UsageReport.Thresholds(settings.dropThreshold(),
        settings.rarelyUsedShare(), window),
        serviceDays.stream().map(day -> new UsageReport.ServiceDay(day.usageDay(), day.activeUsers())).toList(),
        releases.stream().map(release -> new UsageReport.ReleaseRef(release.changeKey(), release.version(),
            release.deployedAt())).toList(), features);
  }

  private UsageReport.FeatureUsage feature(String name, List<UsageMapper.FeatureDay> days, LocalDate start,
      LocalDate end, Map<LocalDate, Long> serviceUsers, List<Release> releases) {
    List<UsageMapper.FeatureDay> inPeriod = days.stream()
        .filter(day -> !day.usageDay().isBefore(start) && !day.usageDay().isAfter(end)).toList();
    List<UsageReport.FeatureDay> trend = inPeriod.stream().map(day -> new UsageReport.FeatureDay(day.usageDay(),
        day.activeUsers(), day.uses(), ratio(day.activeUsers(), serviceUsers.get(day.usageDay())),
        day.medianSecondsSpent())).toList();
    long featureUsersOnServiceDays = 0;
    long serviceUsersOnThoseDays = 0;
    for (UsageMapper.FeatureDay day : inPeriod) {
      Long users = serviceUsers.get(day.usageDay());
      if (users != null) {
        featureUsersOnServiceDays += day.activeUsers();
        serviceUsersOnThoseDays += users;
      }
    }
    // a feature not reported on a day the service was used counts as unused that day
    for (Map.Entry<LocalDate, Long> serviceDay : serviceUsers.entrySet()) {
      if (inPeriod.stream().noneMatch(day -> day.usageDay().equals(serviceDay.getKey()))) {
        serviceUsersOnThoseDays += serviceDay.getValue();
      }
    }
    Double share = serviceUsersOnThoseDays == 0 ? null : round(featureUsersOnServiceDays / (double) serviceUsersOnThoseDays);
    List<UsageReport.AfterRelease> afterReleases = releases.stream().map(release -> afterRelease(release, days))
        .toList();
    List<UsageFlag> flags = new ArrayList<>();
    if (afterReleases.stream().anyMatch(UsageReport.AfterRelease::fell)) {
      flags.add(UsageFlag.FELL_AFTER_RELEASE);
    }
    if (share != null && share < settings.rarelyUsedShare()) {
      flags.add(UsageFlag.RARELY_USED);
    }
    return new UsageReport.FeatureUsage(name, round(inPeriod.stream().mapToLong(UsageMapper.FeatureDay::activeUsers)
        .average().orElse(0)), inPeriod.stream().mapToLong(UsageMapper.FeatureDay::uses).sum(), share,
        halfOverHalf(inPeriod), trend, afterReleases, flags);
  }

  /** Average daily uses in the window before the release's day against the window after it (the day itself left out). */
  private UsageReport.AfterRelease afterRelease(Release release, List<UsageMapper.FeatureDay> days) {
    LocalDate day = release.deployedAt().atZone(settings.zone()).toLocalDate();
    int window = settings.releaseWindowDays();
    Double before = averageUses(days, d -> d.isBefore(day) && !d.isBefore(day.minusDays(window)));
    Double after = averageUses(days, d -> d.isAfter(day) && !d.isAfter(day.plusDays(window)));
    Double change = before == null || after == null || before == 0 ? null : round((after - before) / before);
    return new UsageReport.AfterRelease(release.changeKey(), release.version(), release.deployedAt(),
        before == null ? null : round(before), after == null ? null : round(after), change,
        change != null && change < -settings.dropThreshold());
  }

  private static Double averageUses(List<UsageMapper.FeatureDay> days, Predicate<LocalDate> inWindow) {
    var average = days.stream().filter(day -> inWindow.test(day.usageDay())).mapToLong(UsageMapper.FeatureDay::uses)
        .average();
    return average.isPresent() ? average.getAsDouble() : null;
  }

  /** Average daily uses of the later half of the days against the earlier half. */
  private static Double halfOverHalf(List<UsageMapper.FeatureDay> days) {
    if (days.size() < 2) {
      return null;
    }
    int half = days.size() / 2;
    double earlier = days.subList(0, half).stream().mapToLong(UsageMapper.FeatureDay::uses).average().orElse(0);
    double later = days.subList(days.size() - half, days.size()).stream().mapToLong(UsageMapper.FeatureDay::uses)
        .average().orElse(0);
    return earlier == 0 ? null : round((later - earlier) / earlier);
  }

  private static Double ratio(long part, Long whole) {
    return whole == null || whole == 0 ? null : round(part / (double) whole);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  /** A {@code yyyy-MM-dd} day, or null when it is not a date of the calendar (2026-02-30). */
  public static LocalDate parseDayOrNull(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
