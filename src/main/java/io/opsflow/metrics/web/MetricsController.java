package io.opsflow.metrics.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.web.ApiException;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.metrics.Figures;
import io.opsflow.metrics.Interval;
import io.opsflow.metrics.Period;
import io.opsflow.metrics.Report;
import io.opsflow.metrics.Scope;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The operations figures for people, as JSON or CSV ({@code Accept: text/csv}). Managers and
 * administrators see every service; others see the services their groups develop or are on call
 * for, and asking for another service or team answers 403 (the catalog, which every person reads,
 * names them anyway).
 */
@Tag(name = "Operations figures", description =
    "DORA delivery figures, incident figures and practice figures per service, team and period")
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  /** The longest period one request covers. */
  static final int MAX_YEARS = 2;
  static final int DEFAULT_DAYS = 90;

  private final Figures figures;
  private final ServiceCatalog catalog;
  private final Visibility visibility;
  private final ObjectMapper json;
  private final Clock clock;
  private final Installation installation;

  MetricsController(Figures figures, ServiceCatalog catalog, Visibility visibility, ObjectMapper json, Clock clock,
      Installation installation) {
    this.figures = figures;
    this.catalog = catalog;
    this.visibility = visibility;
    this.json = json;
    this.clock = clock;
    this.installation = installation;
  }

  private static final String PARAMETERS = """
      `from` (inclusive) and `to` (exclusive) are ISO-8601 times with offset; by default the last 90 \
      days. At most two years. `interval` (`day`, `week` by default, `month`, UTC) sets the points of \
      `series`. `service` (a catalog service) or `team` (a dev group) narrow the figures; managers \
      see all services, others their groups' services (403 for another's). Each figure is \
      `{value, unit, band (DORA figures), p90 (durations), count}`. `Accept: text/csv` answers one \
      row per figure and period. Definitions: README, "Operations figures".""";

  /**
   * What every figures call takes, named and documented once: the period, the points of the series
   * and whose figures (bound from the query string).
   */
  @ParameterObject
  record FiguresQuery(
      @Parameter(description = "Start, inclusive (ISO-8601 with offset); by default 90 days before `to`",
          schema = @Schema(format = "date-time")) String from,
      @Parameter(description = "End, exclusive (ISO-8601 with offset); by default now",
          schema = @Schema(format = "date-time")) String to,
      @Parameter(description = "The length of a point of `series` (UTC); `week` by default",
          schema = @Schema(allowableValues = {"day", "week", "month"})) String interval,
      @Parameter(description = "A catalog service") String service,
      @Parameter(description = "A team: the dev group of catalog services") String team) {
  }

  @Operation(summary = "DORA delivery figures", description = PARAMETERS)
  @GetMapping("/delivery")
  ResponseEntity<?> delivery(@ParameterObject FiguresQuery query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller) {
    return answer(figures::delivery, query, accept, caller);
  }

  @Operation(summary = "Incident figures: MTTA, MTTR, SLA attainment, incidents by priority and source, escalations",
      description = PARAMETERS)
  @GetMapping("/incidents")
  ResponseEntity<?> incidents(@ParameterObject FiguresQuery query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller) {
    return answer(figures::incidents, query, accept, caller);
  }

  @Operation(summary = "Practice figures: drill compliance, action items on time and overdue, retrospectives",
      description = PARAMETERS)
  @GetMapping("/practice")
  ResponseEntity<?> practice(@ParameterObject FiguresQuery query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller) {
    return answer(figures::practice, query, accept, caller);
  }

  /** A service as the filters name it. */
  record ServiceChoice(String key, String name, String devGroup, String onCallGroup) {
  }

  /**
   * @param services what {@code service} may name, by key
   * @param teams what {@code team} may name: the dev groups of those services
   * @param groups the groups that work on those services (dev and on-call)
   * @param language the installation's language ({@code en}, {@code zh-CN}): the dashboard's when neither the
   *     webapps' choice nor the browser names one OpsFlow speaks
   * @param timeZone the installation's time zone (IANA): the dashboard shows times on its clock
   */
  record Choices(boolean allServices, List<ServiceChoice> services, List<String> teams, List<String> groups,
      String language, String timeZone) {
  }

  @Operation(summary = "The services and teams whose figures you may ask for",
      description = "Managers and administrators: all of the catalog; others: the services their groups develop or "
          + "are on call for. The dashboard's filters offer these, in the installation's language and time zone.")
  @GetMapping("/choices")
  Choices choices(Authentication caller) {
    List<Service> visible = visibleServices(caller);
    return new Choices(seesAll(caller),
        visible.stream().map(known -> new ServiceChoice(known.key(), known.name(), known.devGroup(), known.onCallGroup()))
            .toList(),
        visible.stream().map(Service::devGroup).distinct().sorted().toList(),
        visible.stream().flatMap(known -> Stream.of(known.devGroup(), known.onCallGroup()))
            .filter(Objects::nonNull).distinct().sorted().toList(),
        installation.language(), installation.timeZone());
  }

  private ResponseEntity<?> answer(BiFunction<Period, Scope, Report<?>> figure, FiguresQuery query, String accept,
      Authentication caller) {
    Period period = period(query.from(), query.to(), query.interval(), clock.instant());
    Report<?> report = figure.apply(period, scope(query.service(), query.team(), caller));
    if (wantsCsv(accept)) {
      return ResponseEntity.ok().contentType(CSV).body(CsvReport.of(report, json));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  /** CSV when the caller asks for it and prefers it to JSON (a browser's "*&#47;*" gets JSON). */
  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
    MediaType.sortBySpecificityAndQuality(types);
    return types.stream().filter(type -> type.getQualityValue() > 0)
        .filter(type -> type.includes(CSV) || type.includes(MediaType.APPLICATION_JSON))
        .findFirst().map(type -> type.getType().equals("text") && type.getSubtype().equals("csv")).orElse(false);
  }

  static Period period(String from, String to, String interval, Instant now) {
    Instant end = to == null ? now.truncatedTo(ChronoUnit.SECONDS) : moment("to", to);
    Instant start = from == null ? end.minus(DEFAULT_DAYS, ChronoUnit.DAYS) : moment("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("from must be before to.");
    }
    if (start.isBefore(end.atZone(ZoneOffset.UTC).minusYears(MAX_YEARS).toInstant())) {
      throw ApiException.badRequest("The period from " + start + " to " + end + " is longer than " + MAX_YEARS
          + " years; ask for a shorter one.");
    }
    Interval length = interval == null ? Interval.WEEK
        : Codes.find(Interval.class, interval).orElseThrow(() -> ApiException.badRequest(
            "interval must be day, week or month, not '" + interval + "'."));
    return new Period(start, end, length);
  }

  private static Instant moment(String name, String value) {
    try {
      Instant moment = OffsetDateTime.parse(value).toInstant();
      if (moment.isBefore(Instant.parse("1970-01-02T00:00:00Z")) || moment.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
        throw ApiException.badRequest(name + " must lie between 1970-01-02 and 9999-12-31.");
      }
      return moment;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO-8601 date and time with offset, e.g. "
          + "2026-03-01T00:00:00Z, not '" + value + "'.");
    }
  }

  /**
   * The services the figures cover: the one asked for, or the team's, or all; for anyone but a
   * manager or administrator only those of their own groups.
   */
  Scope scope(String service, String team, Authentication caller) {
    ListFilter.checkKey("service", service);
    ListFilter.checkKey("team", team);
    List<String> groups = Authorities.groupsOf(caller);
    boolean seesAll = seesAll(caller);
    boolean withRestricted = visibility.seesRestricted(caller);
    List<Service> all = catalog.list();
    if (service != null && all.stream().noneMatch(known -> known.key().equals(service))) {
      throw ApiException.badRequest("service '" + service + "' is not in the catalog.");
    }
    if (team != null && all.stream().noneMatch(known -> known.devGroup().equals(team))) {
      throw ApiException.badRequest("team '" + team + "' develops no service in the catalog (a team is a "
          + "service's dev group).");
    }
    if (service == null && team == null && seesAll) {
      return new Scope(null, null, withRestricted);
    }
    List<Service> asked = all.stream().filter(known -> service == null || known.key().equals(service))
        .filter(known -> team == null || known.devGroup().equals(team)).toList();
    if (asked.isEmpty()) {
      throw ApiException.badRequest("service '" + service + "' is not developed by team '" + team + "'.");
    }
    List<Service> visible = seesAll ? asked : asked.stream().filter(known -> ofGroups(known, groups)).toList();
    if (visible.isEmpty() && (service != null || team != null)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "The figures of " + (service != null ? "service '" + service + "'"
          : "team '" + team + "'") + " are for its groups and managers; yours are " + groups + ".");
    }
    Set<String> owners = new LinkedHashSet<>();
    visible.forEach(known -> {
      owners.add(known.devGroup());
      owners.add(known.onCallGroup());
    });
    return new Scope(visible.stream().map(Service::key).toList(), owners, withRestricted);
  }

  private static boolean seesAll(Authentication caller) {
    List<String> groups = Authorities.groupsOf(caller);
    return groups.contains(Groups.MANAGER) || groups.contains(Groups.ADMIN);
  }

  private static boolean ofGroups(Service service, List<String> groups) {
    return groups.contains(service.devGroup()) || groups.contains(service.onCallGroup());
  }

  private List<Service> visibleServices(Authentication caller) {
    List<String> groups = Authorities.groupsOf(caller);
    return catalog.list().stream().filter(known -> seesAll(caller) || ofGroups(known, groups)).toList();
  }
}
