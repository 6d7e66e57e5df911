package io.opsflow.feedback.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.feedback.FeedbackTriages;
import io.opsflow.feedback.Triage;
import io.opsflow.feedback.TriagePage;
import io.opsflow.feedback.TriageState;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.security.Authorities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The triages of feedback-triage: each a group of new negative and suggestion items of one service
 * about one topic, with what its dev group (or, overdue, a manager) decided.
 */
@Tag(name = "Feedback")
@RestController
@RequestMapping(TriageController.PATH)
class TriageController {

  static final String PATH = "/api/feedback/triage";

  /** What a run opened. */
  record Run(int opened, List<Triage> triages) {
  }

  private final FeedbackTriages triages;

  TriageController(FeedbackTriages triages) {
    this.triages = triages;
  }

  @Operation(summary = "List feedback triages, newest first (paged)", description = """
      Optional filters: `service`, `state` (`open`, `accepted`, `answered`, `dismissed`). `page` counts from 0; \
      `size` 1 to 200. Ops and managers read every triage; others those of the services their group develops \
      (the catalog's `devGroup`).""")
  @GetMapping
  TriagePage list(@RequestParam(required = false) String service, @RequestParam(required = false) TriageState state,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Authentication caller) {
    ListFilter.checkKey("service", service);
    return triages.search(service, state, page, size, Authorities.groupsOf(caller));
  }

  @Operation(summary = "One feedback triage with its items (at most 100, negatives first)", description = """
      404 for a triage that does not exist or that the caller may not read.""")
  @GetMapping("/{key}")
  Triage get(@PathVariable String key, Authentication caller) {
    ListFilter.checkKey("key", key);
    return triages.read(key, Authorities.groupsOf(caller));
  }

  @Operation(summary = "Run the grouping now (managers)", description = """
      What the daily run does (`opsflow.feedback.triage.schedule`): the new negative and suggestion items no \
      triage has taken yet, grouped per service and topic, each group a triage with one task for the service's \
      dev group. Items already taken are not taken again, so running it twice opens nothing the second time.""")
  @PostMapping("/run")
  Run run() {
    List<Triage> opened = triages.run();
    return new Run(opened.size(), opened);
  }
}
