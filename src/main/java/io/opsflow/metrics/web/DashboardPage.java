package io.opsflow.metrics.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' dashboard: a static page (static/dashboard/) whose script reads {@code /api/metrics}
 * and the work APIs with the sign-in session. Like every webapp page it is for signed-in people.
 */
@Controller
class DashboardPage {

  /** With the slash, so that the page's scripts and styles resolve beside it. */
  @GetMapping("/dashboard")
  String dashboard() {
    return "redirect:/dashboard/";
  }

  @GetMapping("/dashboard/")
  String page() {
    return "forward:/dashboard/index.html";
  }
}
