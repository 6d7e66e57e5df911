package io.opsflow.security.camunda;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
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
 * does not exist, on /engine-rest and the webapps' API alike. For those who pass, {@link TaskRecords}
 * answers what Camunda's resource would refuse staff, who may not read history.
 */
class TaskRecordsGuard extends OncePerRequestFilter {

  private static final Pattern TASK_RECORDS = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/((?:comment|attachment)(?:/.*)?)$");

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
    records.matches();
    String taskId = records.group(1);
    var caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()) {
      notFound(request, response, taskId);
      return;
    }
    ProcessEngine engine = engines.getObject();
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    List<String> groups = List.copyOf(Authorities.groupsOf(caller));
    identity.setAuthentication(caller.getName(), groups);
    boolean answered;
    try {
      Task open = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      boolean reading = "GET".equals(request.getMethod());
      if (open == null && !(reading && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
          .count() == 1)) {
        notFound(request, response, taskId);
        return;
      }
      answered = new TaskRecords(engine.getTaskService(), problems).answer(request, response, taskId,
          records.group(2), open, groups.contains(Groups.ADMIN));
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
    if (!answered) {
      chain.doFilter(request, response);
    }
  }

  private void notFound(HttpServletRequest request, HttpServletResponse response, String taskId) throws IOException {
    problems.write(request, response, HttpStatus.NOT_FOUND, "No task " + taskId + " for you.");
  }
}
