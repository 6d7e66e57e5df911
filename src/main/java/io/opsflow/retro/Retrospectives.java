package io.opsflow.retro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Texts;
import io.opsflow.retro.facts.FactGathering;
import io.opsflow.retro.persistence.ActionItemInsert;
import io.opsflow.retro.persistence.RetrospectiveInsert;
import io.opsflow.retro.persistence.RetrospectiveMapper;
import io.opsflow.security.Directory;
import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;

/**
 * Retrospectives and their action items: the one place that writes them. The process and the API
 * go through this class; expressions in the model use it as {@code ${retrospectives...}}.
 */
@Component("retrospectives")
public class Retrospectives {

  public static final String PROCESS_KEY = "post-launch-retrospective";
  public static final String MESSAGE_REQUESTED = "RetrospectiveRequested";
  public static final String KEY_PREFIX = "RETRO";
  static final int MAX_ITEMS = 20;
  private static final Phrases PHRASES = Phrases.of("retro");

  public record Details(Retrospective retrospective, RetroFacts facts, List<Finding> findings, List<ActionItem> actionItems) {
  }

  private final RetrospectiveMapper mapper;
  private final FactGathering facts;
  private final ServiceCatalog catalog;
  private final Incidents incidents;
  private final Directory directory;
  private final BusinessKeys keys;
  private final RetrospectiveSettings settings;
  private final ObjectMapper json;
  private final Clock clock;
  private final Installation installation;

  Retrospectives(RetrospectiveMapper mapper, FactGathering facts, ServiceCatalog catalog, Incidents incidents,
      Directory directory, BusinessKeys keys, RetrospectiveSettings settings, ObjectMapper json, Clock clock,
      Installation installation) {
    this.mapper = mapper;
    this.facts = facts;
    this.catalog = catalog;
    this.incidents = incidents;
    this.directory = directory;
    this.keys = keys;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.installation = installation;
  }

  /**
   * Records a requested retrospective, or returns empty when its change or incident already has
   * one (the unique subject key decides, also for requests arriving together).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Retrospective> register(SubjectType subjectType, String subjectKey, String service, Instant windowStart,
      Instant windowEnd, String requestedBy) {
    if (subjectKey != null && mapper.findBySubject(subjectKey) != null) {
      return Optional.empty();
    }
    RetrospectiveInsert retro = new RetrospectiveInsert(keys.next(KEY_PREFIX), subjectType, subjectKey, service,
        windowStart, windowEnd, RetrospectiveState.REQUESTED, requestedBy, now());
    try {
      mapper.insert(retro);
    } catch (DuplicateKeyException requestedTogether) {
      throw new RetrospectiveAlreadyRequested(subjectKey);
    }
    return Optional.of(mapper.find(retro.retroKey()));
  }

  /** Thrown when a concurrent request for the same subject won; the engine retries the losing one, which then sees the winner. */
  static class RetrospectiveAlreadyRequested extends RuntimeException {
    RetrospectiveAlreadyRequested(String subjectKey) {
      super("A retrospective for " + subjectKey + " was requested at the same moment");
    }
  }

  public Duration observationWindow(String service) {
    return settings.forService(service);
  }

  /**
   * Gathers and stores the facts; the window of a change or an open incident ends now.
   *
   * @return the facts as text for the read-only field of the forms; in a retrospective all staff
   *     read, without the restricted incidents the window holds
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String gatherFacts(String key) {
    Retrospective retro = get(key);
    Retrospective windowed = retro.endingBy(now());
    RetroFacts gathered = facts.gather(windowed);
    try {
      mapper.setFacts(key, json.writeValueAsString(gathered), windowed.windowEnd());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    mapper.setState(key, RetrospectiveState.PREPARING);
    return factsText(windowed, gathered);
  }

  /** Retrospectives not closed whose facts name this incident. */
  public List<Retrospective> openNaming(String incidentKey) {
    return mapper.openNaming(incidentKey);
  }

  /** The facts as the forms show them: in a retrospective all staff read, without restricted incidents. */
  public String factsText(Retrospective retro) {
    return factsText(retro, facts(retro));
  }

  private String factsText(Retrospective retro, RetroFacts all) {
    return Texts.forVariable(this.facts.text(retro, restricted(retro) ? all : visibleToAllStaff(all)),
        wholeAt(retro.retroKey()), installation.spoken());
  }

  /** A retrospective of a restricted incident is restricted too. */
  public boolean restricted(Retrospective retro) {
    return retro.subjectType() == SubjectType.INCIDENT && incidents.restricted(retro.subjectKey());
  }

  private RetroFacts visibleToAllStaff(RetroFacts gathered) {
    return gathered.without(incidents.restrictedAmong(gathered.incidentKeys()));
  }

  public Retrospective get(String key) {
    return find(key).orElseThrow(() -> Refusal.notFound("No retrospective '" + key + "'."));
  }

  /** The retrospective with exactly this key (the database would also match it with trailing spaces). */
  public Optional<Retrospective> find(String key) {
    return Optional.ofNullable(key == null ? null : mapper.find(key)).filter(found -> found.retroKey().equals(key));
  }

  public Optional<Retrospective> bySubject(String subjectKey) {
    return Optional.ofNullable(mapper.findBySubject(subjectKey));
  }

  /**
   * The retrospective as this reader may see it: a restricted one is not found, and the facts of
   * another leave out the restricted incidents in its window.
   */
  public Details details(String key, boolean withRestricted) {
    Retrospective retro = find(key).filter(found -> withRestricted || !restricted(found))
        .orElseThrow(() -> Refusal.notFound("No retrospective '" + key + "'."));
    RetroFacts all = facts(retro);
    return new Details(retro, withRestricted ? all : visibleToAllStaff(all), mapper.findings(key), mapper.items(key));
  }

  public List<Retrospective> list(String service, RetrospectiveState state, boolean withRestricted) {
    List<Retrospective> all = mapper.list(service, state);
    if (withRestricted) {
      return all;
    }
    Set<String> restricted = incidents.restrictedAmong(all.stream().filter(retro -> retro.subjectType() == SubjectType.INCIDENT)
        .map(Retrospective::subjectKey).toList());
    return all.stream().filter(retro -> !restricted.contains(retro.subjectKey())).toList();
  }

  /** The keys among these that name retrospectives of restricted incidents. */
  public Set<String> restrictedAmong(Collection<String> retroKeys) {
    return retroKeys.stream().map(this::find).flatMap(Optional::stream).filter(this::restricted)
        .map(Retrospective::retroKey).collect(Collectors.toSet());
  }

  RetroFacts facts(Retrospective retro) {
    if (retro.facts() == null) {
      return new RetroFacts(List.of(), List.of(), Map.of(), List.of(), null, null, null);
    }
    try {
      return json.readValue(retro.facts(), RetroFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Who prepares: the service's owning dev group and the managers. */
  public String preparers(String key) {
    Optional<Service> service = catalog.find(get(key).serviceKey());
    return service.map(found -> found.devGroup() + "," + Groups.MANAGER).orElse(Groups.MANAGER);
  }

  public void prepared(String key, String summary, String wentWell, String wentWrong) {
    mapper.prepared(key, summary, wentWell, wentWrong);
  }

  public void addFinding(String key, String group, String finding, boolean nothingToAdd, String by) {
    mapper.insertFinding(new Finding(key, group, finding, nothingToAdd, by, now()));
  }

  /** A line of the review's action items: "title; owner group; due date (YYYY-MM-DD)". */
  public record ItemLine(String title, String ownerGroup, LocalDate dueDate) {
  }

  /**
   * Parses the action items of the review; every problem is named with its line. The items of a
   * restricted retrospective go only to groups that read restricted items.
   */
  public List<ItemLine> parseItems(String text, boolean restricted, List<String> problems) {
    List<ItemLine> items = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return items;
    }
    String[] lines = text.strip().split("\\R");
    if (lines.length > MAX_ITEMS) {
      problems.add("at most " + MAX_ITEMS + " action items");
    }
    LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] parts = lines[i].split(";");
      String where = "action item line " + (i + 1);
      if (parts.length != 3) {
        problems.add(where + " must be 'title; owner group; due date (YYYY-MM-DD)'");
        continue;
      }
      String title = parts[0].strip();
      String group = parts[1].strip();
      LocalDate due = null;
      try {
        due = LocalDate.parse(parts[2].strip());
      } catch (DateTimeParseException e) {
        problems.add(where + ": due date must be YYYY-MM-DD");
      }
      if (title.isEmpty() || title.length() > 300) {
        problems.add(where + ": title must be 1-300 characters");
      }
      if (!directory.groupExists(group) || Groups.SERVICE_ACCOUNT_GROUPS.contains(group)) {
        problems.add(where + ": '" + group + "' is not a group of people");
      } else if (restricted && !Visibility.RESTRICTED_READERS.contains(group)) {
        problems.add(where + ": this retrospective is restricted, so its action items go to ops, manager or security,"
            + " not '" + group + "'");
      }
      if (due != null && due.isBefore(today)) {
        problems.add(where + ": due date " + due + " is in the past");
      }
      items.add(new ItemLine(title, group, due));
    }
    return items;
  }

  public void reviewed(String key, String rootCauses, List<ItemLine> items) {
    mapper.reviewed(key, rootCauses);
    for (int i = 0; i < items.size(); i++) {
      ItemLine line = items.get(i);
      mapper.insertItem(new ActionItemInsert(key + "-A" + (i + 1), key, line.title(), line.ownerGroup(), line.dueDate(),
          ActionItemState.OPEN, now()));
    }
  }

  public void published(String key) {
    mapper.published(key, now());
  }

  public void close(String key) {
    mapper.close(key, now());
  }

  // --- action items; the model calls these as ${retrospectives...}

  /** The action items the process tracks, one parallel branch each. */
  public List<String> openItems(String key) {
    return mapper.items(key).stream().filter(item -> item.state() != ActionItemState.VERIFIED)
        .map(ActionItem::itemKey).toList();
  }

  public ActionItem item(String itemKey) {
    return Optional.ofNullable(mapper.item(itemKey))
        .orElseThrow(() -> new IllegalArgumentException("No action item " + itemKey));
  }

  /** End of the due day (UTC). */
  public Date due(String itemKey) {
    return Date.from(item(itemKey).dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** A day before it is due. */
  public Date remindAt(String itemKey) {
    return Date.from(due(itemKey).toInstant().minus(1, ChronoUnit.DAYS));
  }

  /** The owner group; managers too once the item is overdue. */
  public String candidates(String itemKey) {
    ActionItem item = item(itemKey);
    return item.escalated() ? item.ownerGroup() + "," + Groups.MANAGER : item.ownerGroup();
  }

  public String itemFacts(String itemKey) {
    ActionItem item = item(itemKey);
    return Texts.forVariable(PHRASES.say(installation.reader(), "item.facts", "item", item.itemKey(), "title",
        item.title(), "owner", item.ownerGroup(), "due", item.dueDate(), "implemented", item.implementationNote(),
        "verified", item.verificationNote()), wholeAt(item.retroKey()), installation.spoken());
  }

  /** Where people read a retrospective whole, for the texts that forms show clipped. */
  static String wholeAt(String key) {
    return "GET /api/retrospectives/" + key;
  }

  public void implemented(String itemKey, String note, String by) {
    mapper.implemented(itemKey, note, by, now());
  }

  public void verified(String itemKey, boolean verified, String note, String by) {
    mapper.verified(itemKey, verified ? ActionItemState.VERIFIED : ActionItemState.REOPENED, note, by, now());
  }

  public void escalate(String itemKey) {
    mapper.escalate(itemKey);
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
