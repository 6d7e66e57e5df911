package io.opsflow.audit.trail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.audit.persistence.AuditMapper;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.text.Texts;
import io.opsflow.security.Visibility;

/**
 * The audit trail: OpsFlow's own records of who changed configuration, approved or overrode what
 * (written by {@link #record}, in the transaction of the change), merged with Camunda's user
 * operation log (claims, assignments, completions, identity and authorization changes).
 */
@Component
public class AuditTrail {

  /** Who acted when nobody is signed in: OpsFlow itself. */
  static final String OPSFLOW = "opsflow";

  private final AuditMapper mapper;
  private final CamundaOperations camunda;
  private final Visibility visibility;
  private final ObjectMapper json;
  private final Clock clock;

  AuditTrail(AuditMapper mapper, CamundaOperations camunda, Visibility visibility, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.camunda = camunda;
    this.visibility = visibility;
    this.json = json;
    this.clock = clock;
  }

  /** Writes the entry in the transaction that publishes it: there is none without that transaction. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditEvent event) {
    mapper.insert(new AuditMapper.Row(0, clock.instant().truncatedTo(ChronoUnit.MILLIS),
        Texts.clip(event.actor() != null ? event.actor() : currentActor(), 64), Texts.clip(event.action(), 64),
        Texts.clip(event.subject(), 128), event.details() == null ? null : Texts.clip(event.details(), 2000),
        text(event.before()), text(event.after())));
  }

  /** The person of the current request or engine command; OpsFlow itself when there is none. */
  private static String currentActor() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
      return caller.getName();
    }
    return TaskActor.authenticated().orElse(OPSFLOW);
  }

  /**
   * The newest entries of both sources, newest first. When Camunda's log holds more in the window
   * than could be read at once, nothing older than what was read is shown, so the answer has no gap.
   *
   * @param withRestricted whether the reader reads restricted incidents; if not, their entries are left out
   */
  public List<AuditEntry> entries(AuditQuery query, boolean withRestricted) {
    List<AuditEntry> entries = new ArrayList<>();
    mapper.find(query).forEach(row -> entries.add(new AuditEntry(row.occurredAt(), row.actor(), row.action(),
        row.subject(), row.details(), node(row.beforeState()), node(row.afterState()), AuditSource.OPSFLOW)));
    CamundaOperations.Page operations = camunda.entries(query);
    entries.addAll(operations.entries());
    Optional<Instant> horizon = operations.horizon();
    Set<String> hidden = withRestricted ? Set.of() : visibility.restrictedAmong(
        entries.stream().map(AuditEntry::subject).filter(subject -> subject != null).toList());
    return entries.stream()
        .filter(entry -> horizon.isEmpty() || entry.time().isAfter(horizon.get()))
        .filter(entry -> entry.subject() == null || !hidden.contains(entry.subject()))
        .sorted(Comparator.comparing(AuditEntry::time).reversed())
        .limit(query.limit())
        .toList();
  }

  private String text(Object state) {
    if (state == null) {
      return null;
    }
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record " + state.getClass().getSimpleName() + " in the audit trail", e);
    }
  }

  private JsonNode node(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An audit entry holds invalid JSON", e);
    }
  }
}
