package io.opsflow.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.persistence.ServiceMapper;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.security.Directory;
import io.opsflow.security.Groups;

/**
 * The service catalog: the one place other modules ask which services exist, how critical they
 * are, who is on call, what depends on what and where each is in its lifecycle (moved through
 * {@link ServiceLifecycle}).
 */
@Component
public class ServiceCatalog {

  private final ServiceMapper mapper;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ServiceCatalog(ServiceMapper mapper, Directory directory, ApplicationEventPublisher events, Clock clock) {
    this.mapper = mapper;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /** Every service, with its lifecycle state but not its history. */
  public List<Service> list() {
    List<ServiceMapper.Edge> edges = mapper.findAllEdges();
    return mapper.findAll().stream().map(row -> assemble(row, edges, null)).toList();
  }

  /** The service with exactly this key (the database would also match it with trailing spaces). */
  public Optional<Service> find(String key) {
    ServiceMapper.Row row = key == null ? null : mapper.find(key);
    return Optional.ofNullable(row).filter(found -> found.serviceKey().equals(key))
        .map(found -> assemble(found, mapper.findAllEdges(), history(found.serviceKey())));
  }

  public Service get(String key) {
    return find(key).orElseThrow(() -> Refusal.notFound("No service '" + key + "' in the catalog."));
  }

  /** Every service that {@code key} needs, directly or through others. */
  public Set<String> transitiveDependenciesOf(String key) {
    return reachable(key, successors(mapper.findAllEdges()));
  }

  @Transactional
  public Service create(ServiceDraft draft) {
    if (draft.key() == null) {
      throw Refusal.invalid("Invalid request: key must not be blank");
    }
    if (mapper.find(draft.key()) != null) {
      throw Refusal.conflict("Service '" + draft.key() + "' already exists; change it with PUT /api/services/" + draft.key() + ".");
    }
    List<String> dependsOn = checked(draft);
    LifecycleState state = draft.lifecycle() == null ? LifecycleState.PLANNED
        : Codes.of(LifecycleState.class, draft.lifecycle(), "lifecycle");
    if (!state.registrable()) {
      throw Refusal.invalid("A service is registered planned or live, not " + state
          + "; later states are reached through the launch and retirement processes.");
    }
    Instant now = now();
    mapper.insert(row(draft, state, now, now));
    mapper.insertTransition(new ServiceMapper.TransitionRow(draft.key(), null, state, currentActor(), null, null,
        state == LifecycleState.LIVE ? "registered as already running" : "registered", now));
    dependsOn.forEach(target -> mapper.insertEdge(draft.key(), target));
    Service created = get(draft.key());
    events.publishEvent(AuditEvent.of("service.created", created.key()).change(null, created));
    return created;
  }

  @Transactional
  public Service update(ServiceDraft draft) {
    ServiceMapper.Row existing = mapper.find(draft.key());
    if (existing == null) {
      throw Refusal.notFound("No service '" + draft.key() + "' in the catalog; create it with POST /api/services.");
    }
    if (draft.lifecycle() != null && !draft.lifecycle().equals(existing.lifecycle().code())) {
      throw Refusal.conflict("Service '" + draft.key() + "' is " + existing.lifecycle() + "; a change of the service"
          + " does not move its lifecycle (leave lifecycle out). Its launch and retirement processes move it, or an"
          + " administrator with PUT /api/services/" + draft.key() + "/lifecycle.");
    }
    List<String> dependsOn = checked(draft);
    Service before = get(draft.key());
    mapper.update(row(draft, existing.lifecycle(), existing.createdAt(), now()));
    mapper.deleteEdgesFrom(draft.key());
    dependsOn.forEach(target -> mapper.insertEdge(draft.key(), target));
    Service after = get(draft.key());
    events.publishEvent(AuditEvent.of("service.updated", after.key()).change(before, after));
    return after;
  }

  private List<String> checked(ServiceDraft draft) {
    requireGroup("devGroup", draft.devGroup());
    requireGroup("onCallGroup", onCallGroup(draft));
    List<String> dependsOn = new ArrayList<>(new LinkedHashSet<>(draft.dependsOn() == null ? List.of() : draft.dependsOn()));
    if (dependsOn.contains(draft.key())) {
      throw Refusal.invalid("Service '" + draft.key() + "' cannot depend on itself.");
    }
    List<String> unknown = dependsOn.stream().filter(target -> mapper.find(target) == null).toList();
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("dependsOn names services that are not in the catalog: " + String.join(", ", unknown) + ".");
    }
    Map<String, Set<String>> graph = successors(mapper.findAllEdges().stream()
        .filter(edge -> !edge.serviceKey().equals(draft.key()))
        .toList());
    for (String target : dependsOn) {
      if (target.equals(draft.key()) || reachable(target, graph).contains(draft.key())) {
        throw Refusal.invalid("Depending on '" + target + "' would create a cycle: '" + target
            + "' already depends on '" + draft.key() + "'.");
      }
    }
    return dependsOn;
  }

  private void requireGroup(String field, String groupId) {
    if (!directory.groupExists(groupId)) {
      throw Refusal.invalid(field + " '" + groupId + "' is not a group in OpsFlow; create it in Admin first.");
    }
  }

  private static String onCallGroup(ServiceDraft draft) {
    return draft.onCallGroup() == null || draft.onCallGroup().isBlank() ? Groups.OPS : draft.onCallGroup();
  }

  private static ServiceMapper.Row row(ServiceDraft draft, LifecycleState state, Instant createdAt, Instant updatedAt) {
    return new ServiceMapper.Row(draft.key(), draft.name().strip(), draft.tier(), draft.devGroup(),
        onCallGroup(draft), state, createdAt, updatedAt);
  }

  List<LifecycleTransition> history(String key) {
    return mapper.transitions(key).stream().map(row -> new LifecycleTransition(row.fromState(), row.toState(),
        row.actor(), row.processInstanceId() == null && row.businessKey() == null ? null
            : new ProcessRef(row.processInstanceId(), row.businessKey()), row.reason(), row.occurredAt())).toList();
  }

  /** The signed-in person or service account; {@code opsflow} for OpsFlow itself (demo data at start-up). */
  static String currentActor() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return caller == null || caller.getName() == null ? "opsflow" : caller.getName();
  }

  private static Service assemble(ServiceMapper.Row row, List<ServiceMapper.Edge> edges,
      List<LifecycleTransition> history) {
    List<String> dependsOn = edges.stream().filter(e -> e.serviceKey().equals(row.serviceKey()))
        .map(ServiceMapper.Edge::dependsOn).sorted().toList();
    List<String> dependents = edges.stream().filter(e -> e.dependsOn().equals(row.serviceKey()))
        .map(ServiceMapper.Edge::serviceKey).sorted().toList();
    return new Service(row.serviceKey(), row.name(), row.tier(), row.devGroup(), row.onCallGroup(),
        dependsOn, dependents, new Lifecycle(row.lifecycle(), history), row.createdAt(), row.updatedAt());
  }

  private static Map<String, Set<String>> successors(List<ServiceMapper.Edge> edges) {
    return edges.stream().collect(Collectors.groupingBy(ServiceMapper.Edge::serviceKey,
        Collectors.mapping(ServiceMapper.Edge::dependsOn, Collectors.toSet())));
  }

  private static Set<String> reachable(String start, Map<String, Set<String>> graph) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (seen.add(next)) {
        pending.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
