package io.opsflow.kernel.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** People who open OpsFlow's address land in Tasklist. */
@Controller
class RootController {

  @GetMapping("/")
  String root() {
    return "redirect:/camunda/app/tasklist/default/";
  }
}
