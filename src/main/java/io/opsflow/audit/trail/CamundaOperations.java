package io.opsflow.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Camunda's user operation log as audit entries: one entry per operation (Camunda writes a row per
 * changed property), named by the business key of its process instance (CHG-…, INC-…) or by the
 * user, group or authorization an administrator changed; the properties' old and new values are
 * the before and after.
 */
@Component
class CamundaOperations {

  /** Camunda's log rows read at most per question; an operation has a few rows. */
  static final int MAX_ROWS = 2000;

  private final HistoryService historyService;
  private final ObjectMapper json;

  CamundaOperations(HistoryService historyService, ObjectMapper json) {
    this.historyService = historyService;
    this.json = json;
  }

  /**
   * @param horizon when Camunda's log held more than was read: entries at or before this moment
   *     (of either source) may be incomplete and are left out
   */
  record Page(List<AuditEntry> entries, Optional<Instant> horizon) {
  }

  Page entries(AuditQuery query) {
    List<UserOperationLogEntry> rows = new ArrayList<>();
    List<Instant> cuts = new ArrayList<>();
    if (query.subject() == null) {
      read(query, rows, cuts, null);
    } else {
      for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(query.subject()).list()) {
        read(query, rows, cuts, instance.getId());
      }
      // users, groups and authorizations have no process instance: their subject is read from the entry
      read(query, rows, cuts, null, UserOperationLogEntry.CATEGORY_ADMIN);
    }
    Optional<Instant> horizon = cuts.stream().max(Instant::compareTo);
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    rows.stream().filter(row -> horizon.isEmpty() || row.getTimestamp().toInstant().isAfter(horizon.get()))
        .sorted((a, b) -> b.getTimestamp().compareTo(a.getTimestamp()))
        .forEach(row -> operations.computeIfAbsent(row.getOperationId(), id -> new ArrayList<>()).add(row));
    Function<String, String> businessKeys = memo(id -> Optional.ofNullable(
        historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
        .map(HistoricProcessInstance::getBusinessKey).orElse(id));
    Function<String, String> taskNames = memo(id -> Optional.ofNullable(
        historyService.createHistoricTaskInstanceQuery().taskId(id).singleResult())
        .map(HistoricTaskInstance::getName).orElse(null));
    List<AuditEntry> entries = new ArrayList<>();
    for (List<UserOperationLogEntry> operation : operations.values()) {
      AuditEntry entry = entry(operation, businessKeys, taskNames);
      if (query.subject() == null || query.subject().equals(entry.subject())) {
        entries.add(entry);
      }
    }
    return new Page(entries, horizon);
  }

  /** Reads the newest rows; when there were more, the time of the oldest one read goes to {@code cuts}. */
  private void read(AuditQuery query, List<UserOperationLogEntry> into, List<Instant> cuts, String processInstanceId,
      String... categories) {
    UserOperationLogQuery log = historyService.createUserOperationLogQuery();
    if (query.from() != null) {
      // Camunda's bound is exclusive; the audit trail's "from" includes that moment
      log.afterTimestamp(Date.from(query.from().minusMillis(1)));
    }
    if (query.to() != null) {
      log.beforeTimestamp(Date.from(query.to()));
    }
    if (query.actor() != null) {
      log.userId(query.actor());
    }
    if (processInstanceId != null) {
      log.processInstanceId(processInstanceId);
    }
    if (categories.length > 0) {
      log.categoryIn(categories);
    }
    int rows = Math.min(MAX_ROWS, query.limit() * 4);
    List<UserOperationLogEntry> page = log.orderByTimestamp().desc().listPage(0, rows);
    into.addAll(page);
    if (page.size() == rows) {
      cuts.add(page.get(rows - 1).getTimestamp().toInstant());
    }
  }

  private AuditEntry entry(List<UserOperationLogEntry> rows, Function<String, String> businessKeys,
      Function<String, String> taskNames) {
    UserOperationLogEntry first = rows.get(0);
    ObjectNode before = json.createObjectNode();
    ObjectNode after = json.createObjectNode();
    Map<String, String> values = new HashMap<>();
    for (UserOperationLogEntry row : rows) {
      if (row.getProperty() != null) {
        before.put(row.getProperty(), row.getOrgValue());
        after.put(row.getProperty(), row.getNewValue());
        values.put(row.getProperty(), row.getNewValue() != null ? row.getNewValue() : row.getOrgValue());
      }
    }
    String subject = first.getProcessInstanceId() != null ? businessKeys.apply(first.getProcessInstanceId())
        : switch (first.getEntityType()) {
          case EntityTypes.USER -> values.get("userId");
          case EntityTypes.GROUP, EntityTypes.GROUP_MEMBERSHIP -> values.get("groupId");
          case EntityTypes.AUTHORIZATION -> values.get("resource") + ":" + values.get("resourceId");
          default -> null;
        };
    String taskName = first.getTaskId() == null ? null : taskNames.apply(first.getTaskId());
    String details = taskName != null ? "Task '" + taskName + "'"
        : EntityTypes.GROUP_MEMBERSHIP.equals(first.getEntityType()) ? "User " + values.get("userId") : null;
    return new AuditEntry(first.getTimestamp().toInstant(), first.getUserId(),
        kebab(first.getEntityType()) + "." + kebab(first.getOperationType()), subject, details,
        before.isEmpty() ? null : before, after.isEmpty() ? null : after, AuditSource.CAMUNDA);
  }

  /** {@code Group membership} reads {@code group-membership}, {@code AddGroupLink} {@code add-group-link}. */
  static String kebab(String name) {
    return name == null ? "unknown" : name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace(' ', '-').toLowerCase();
  }

  private static <T> Function<String, T> memo(Function<String, T> lookup) {
    Map<String, Optional<T>> known = new HashMap<>();
    return id -> known.computeIfAbsent(id, key -> Optional.ofNullable(lookup.apply(key))).orElse(null);
  }
}
