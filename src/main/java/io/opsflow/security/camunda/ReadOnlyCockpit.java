package io.opsflow.security.camunda;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Cockpit offers its actions (suspend, cancel, retry, change variables, delete deployments, batches)
 * to everyone who opens it, and the engine refuses them afterwards. People who only watch (managers:
 * AccessSetup grants them reading) get a Cockpit without them: Cockpit's own plugin exclusion
 * ({@code cam-exclude-plugins} on the page's {@code <base>}) and a stylesheet for the edit buttons
 * inside the variables table, which is no plugin of its own. Administrators keep everything.
 */
class ReadOnlyCockpit extends OncePerRequestFilter {

  /**
   * Plugin points and plugins (point:id) that change something. A process instance's actions are
   * named one by one: OpsFlow's own there (app/opsflow/report-link.js, a link to the report) stays.
   */
  static final List<String> ACTIONS = List.of(
      "cockpit.processDefinition.runtime.action",
      "cockpit.processInstance.runtime.action:add-variable-action",
      "cockpit.processInstance.runtime.action:cancel-process-instance-action",
      "cockpit.processInstance.runtime.action:update-suspension-state-action",
      "cockpit.processInstance.runtime.action:job-retry-action",
      "cockpit.incident.action",
      "cockpit.jobDefinition.action",
      "cockpit.repository.deployment.action",
      "cockpit.processes.action",
      "cockpit.navigation:batch");
  /** Next to the webapps' other OpsFlow files (app/opsflow/sso.js, language.js). */
  static final String STYLESHEET = "/app/opsflow/read-only.css";
  /** Cockpit's index page: /camunda/app/cockpit/ and /camunda/app/cockpit/{engine}/. */
  private static final Pattern INDEX = Pattern.compile("(.*)/app/cockpit/([\\w-]+/)?");
  private static final Pattern BASE_TAG = Pattern.compile("<base\\b");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !INDEX.matcher(request.getRequestURI()).matches() || administrator();
  }

  private static boolean administrator() {
    Authentication person = SecurityContextHolder.getContext().getAuthentication();
    return person != null && Authorities.groupsOf(person).contains(Groups.ADMIN);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Captured page = new Captured(response);
    chain.doFilter(request, page);
    if (page.wroteText()) {
      Matcher index = INDEX.matcher(request.getRequestURI());
      response.getWriter().write(readOnly(page.text(), index.matches() ? index.group(1) : ""));
    }
  }

  /** The page with the actions excluded and the stylesheet linked after Cockpit's own. */
  static String readOnly(String html, String webappRoot) {
    Matcher base = BASE_TAG.matcher(html);
    if (!base.find()) {
      return html;
    }
    String excluded = html.substring(0, base.end()) + " cam-exclude-plugins=\"" + String.join(",", ACTIONS) + "\""
        + html.substring(base.end());
    int head = excluded.indexOf("</head>");
    return head < 0 ? excluded
        : excluded.substring(0, head) + "<link href=\"" + webappRoot + STYLESHEET + "\" rel=\"stylesheet\">" + excluded.substring(head);
  }

  /** Keeps what Camunda writes as text; bytes (a redirect, a static file) pass through untouched. */
  private static final class Captured extends HttpServletResponseWrapper {

    private final CharArrayWriter text = new CharArrayWriter();
    private PrintWriter writer;

    Captured(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(text);
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      // the page grows
    }

    @Override
    public void setContentLengthLong(long length) {
      // the page grows
    }

    boolean wroteText() {
      return writer != null;
    }

    String text() {
      if (writer != null) {
        writer.flush();
      }
      return text.toString();
    }
  }
}
