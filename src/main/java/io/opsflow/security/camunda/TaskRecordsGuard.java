package io.opsflow.security.camunda;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.security.Authorities;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A task's comments and attachments are the task's: Camunda CE's commands behind
 * {@code task/{id}/comment} and {@code task/{id}/attachment} check no authorization, so anyone signed
 * in who learned an attachment's id read its content, or deleted it, whatever group the task was for.
 * These requests pass only for a caller who may read the task (an open task through their task
 * rights, a finished one through their history rights); any other caller gets 404, as for a task that
 * does not exist, on /engine-rest and the webapps' API alike.
 */
class TaskRecordsGuard extends OncePerRequestFilter {

  private static final Pattern TASK_RECORDS = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:comment|attachment)(?:/.*)?$");

  private final ObjectProvider<ProcessEngine> engines;
  private final ProblemWriter problems;

  TaskRecordsGuard(ObjectProvider<ProcessEngine> engines, ProblemWriter problems) {
    this.engines = engines;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_RECORDS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher records = TASK_RECORDS.matcher(request.getRequestURI());
    if (records.matches() && readable(records.group(1), "GET".equals(request.getMethod()))) {
      chain.doFilter(request, response);
    } else {
      problems.write(request, response, HttpStatus.NOT_FOUND, "No task " + records.group(1) + " for you.");
    }
  }

  /** Whether the caller may read the open task or, to read only, the finished one. */
  private boolean readable(String taskId, boolean reading) {
    var caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()) {
      return false;
    }
    ProcessEngine engine = engines.getObject();
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.getName(), List.copyOf(Authorities.groupsOf(caller)));
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1
          || reading && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() == 1;
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }
}
