package io.opsflow.security.camunda;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cockpit counts open tasks (the dashboard's "Open Human Tasks": {@code task/count}) and groups them
 * (Human Tasks: {@code task/report/candidate-group-count}) with the signed-in person's task rights. A
 * manager reads every process but, by design, only the tasks of their own group (Tasklist's group
 * filter relies on it): the dashboard undercounted and the Human Tasks page showed a permission error.
 * For managers these two reads count every open task: numbers only, which their history rights show
 * anyway. Any other task read, and a count with criteria Cockpit does not send, goes to Camunda as it is.
 */
class CockpitTaskCounts extends OncePerRequestFilter {

  private static final Pattern COUNT = Pattern.compile(".*/api/engine/engine/([^/]+)/task/count");
  private static final Pattern BY_GROUP = Pattern.compile(".*/api/engine/engine/([^/]+)/task/report/candidate-group-count");
  /** What Cockpit's dashboard sends ({@code unfinished} means nothing to runtime tasks: they are all open). */
  private static final Set<String> DASHBOARD_CRITERIA =
      Set.of("unfinished", "assigned", "unassigned", "withCandidateGroups", "withoutCandidateGroups");

  /** As Camunda's REST API answers it (TaskCountByCandidateGroupResultDto). */
  record GroupCount(String groupName, int taskCount) {
  }

  private final ObjectProvider<ProcessEngine> engines;
  private final ObjectMapper json = new ObjectMapper();

  CockpitTaskCounts(ObjectProvider<ProcessEngine> engines) {
    this.engines = engines;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || !watcher()) {
      return true;
    }
    String path = request.getRequestURI();
    if (BY_GROUP.matcher(path).matches()) {
      return false;
    }
    return !COUNT.matcher(path).matches() || !DASHBOARD_CRITERIA.containsAll(request.getParameterMap().keySet())
        || request.getParameterMap().values().stream().anyMatch(values -> !"true".equals(values[0]));
  }

  /** A manager who is no administrator: administrators read every task anyway. */
  private static boolean watcher() {
    var person = SecurityContextHolder.getContext().getAuthentication();
    List<String> groups = person == null ? List.of() : Authorities.groupsOf(person);
    return groups.contains(Groups.MANAGER) && !groups.contains(Groups.ADMIN);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ProcessEngine engine = engines.getObject();
    Matcher byGroup = BY_GROUP.matcher(request.getRequestURI());
    Matcher count = COUNT.matcher(request.getRequestURI());
    String engineName = byGroup.matches() ? byGroup.group(1) : count.matches() ? count.group(1) : null;
    if (!engine.getName().equals(engineName)) {
      chain.doFilter(request, response);
      return;
    }
    Object answer = asOpsFlow(engine.getIdentityService(), () -> byGroup.matches()
        ? engine.getTaskService().createTaskReport().taskCountByCandidateGroup().stream()
            .map(group -> new GroupCount(group.getGroupName(), group.getTaskCount()))
            .toList()
        : Map.of("count", query(engine, request).count()));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), answer);
  }

  private static TaskQuery query(ProcessEngine engine, HttpServletRequest request) {
    TaskQuery query = engine.getTaskService().createTaskQuery();
    if (request.getParameter("assigned") != null) {
      query.taskAssigned();
    }
    if (request.getParameter("unassigned") != null) {
      query.taskUnassigned();
    }
    if (request.getParameter("withCandidateGroups") != null) {
      query.withCandidateGroups();
    }
    if (request.getParameter("withoutCandidateGroups") != null) {
      query.withoutCandidateGroups();
    }
    return query;
  }

  /** Without the person's task rights, whatever Camunda's own filters set for this thread. */
  private static <T> T asOpsFlow(IdentityService identity, Supplier<T> work) {
    Authentication person = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(person);
    }
  }
}
