package io.opsflow.retro.web;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.text.Texts;
import io.opsflow.retro.ActionItem;
import io.opsflow.retro.ActionItemState;
import io.opsflow.retro.RetroFacts;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.facts.FactGathering;

/**
 * The published report: Markdown with the facts, the findings, the root causes and the action
 * items with their current state; HTML is rendered from the same Markdown (raw HTML in what people
 * typed is escaped).
 */
@Component
class RetrospectiveReport {

  private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private final HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
      .escapeHtml(true).build();

  String markdown(Retrospectives.Details details) {
    Retrospective retro = details.retrospective();
    RetroFacts facts = details.facts();
    StringBuilder md = new StringBuilder();
    md.append("# Retrospective ").append(retro.retroKey()).append(": ").append(retro.serviceKey()).append("\n\n");
    md.append("- Subject: ").append(retro.subjectKey() == null ? "requested by hand" : retro.subjectType().code() + " " + retro.subjectKey())
        .append("\n- Window: ").append(Texts.TIME.format(retro.windowStart())).append(" to ")
        .append(Texts.TIME.format(retro.windowEnd()))
        .append("\n- State: ").append(retro.state().code()).append("\n\n");

    md.append("## Facts\n\n### Changes\n\n");
    if (facts.changes().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| Change | Version | Type | Risk | Route | Approvals | Deployed | Outcome | Incident |\n")
          .append("|---|---|---|---|---|---|---|---|---|\n");
      facts.changes().forEach(change -> md.append("| ").append(change.changeKey()).append(" | ").append(cell(change.version()))
          .append(" | ").append(FactGathering.code(change.changeType())).append(" | ")
          .append(FactGathering.code(change.risk())).append(" | ").append(FactGathering.code(change.approvalRoute()))
          .append(" | ").append(cell(String.join(", ", change.approvals()))).append(" | ")
          .append(change.deployedAt() == null ? "-" : Texts.TIME.format(change.deployedAt()) + " ("
              + FactGathering.code(change.deploymentStatus()) + ")")
          .append(" | ").append(change.outcome() == null ? "open" : change.outcome().code()).append(" | ")
          .append(change.incidentKey() == null ? "-" : change.incidentKey()).append(" |\n"));
      md.append("\n");
    }
    md.append("### Incidents\n\n");
    if (facts.incidents().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| Incident | Priority | Title | Opened | Time to acknowledge | Time to resolve | SLAs |\n")
          .append("|---|---|---|---|---|---|---|\n");
      facts.incidents().forEach(incident -> md.append("| ").append(incident.incidentKey()).append(" | ")
          .append(incident.priority()).append(" | ").append(cell(incident.title())).append(" | ")
          .append(Texts.TIME.format(incident.openedAt())).append(" | ")
          .append(FactGathering.minutes(incident.secondsToAcknowledge())).append(" | ")
          .append(FactGathering.minutes(incident.secondsToResolve())).append(" | ")
          .append(FactGathering.sla(incident)).append(" |\n"));
      md.append("\n");
    }
    if (!facts.alertsByName().isEmpty()) {
      md.append("### Alerts\n\n");
      facts.alertsByName().forEach((name, count) -> md.append("- ").append(cell(name)).append(": ").append(count).append("\n"));
      md.append("\n");
    }
    if (!facts.emergencyPlans().isEmpty()) {
      md.append("### Emergency plans\n\n");
      facts.emergencyPlans().forEach(plan -> md.append("- ").append(plan.activationKey()).append(" ").append(plan.planKey())
          .append(": ").append(plan.outcome() == null ? "running" : plan.outcome().code()).append("\n"));
      md.append("\n");
    }

    feedback(md, facts);
    if (facts.usage() != null && !facts.usage().isEmpty()) {
      md.append("### Usage\n\n");
      facts.usage().forEach(feature -> md.append("- ").append(FactGathering.usage(List.of(feature))).append("\n"));
      md.append("\n");
    }

    md.append("## Preparation\n\n");
    section(md, "Summary", retro.summary());
    section(md, "What went well", retro.wentWell());
    section(md, "What went wrong", retro.wentWrong());
    md.append("## Findings\n\n");
    if (details.findings().isEmpty()) {
      md.append("None yet.\n\n");
    }
    details.findings().forEach(finding -> md.append("### ").append(finding.findingGroup()).append(" (")
        .append(finding.addedBy()).append(")\n\n").append(finding.nothingToAdd() ? "Nothing to add." : finding.finding())
        .append("\n\n"));
    md.append("## Root causes\n\n").append(retro.rootCauses() == null ? "Not reviewed yet." : retro.rootCauses()).append("\n\n");
    md.append("## Action items\n\n");
    if (details.actionItems().isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("| Item | Title | Owner | Due | State |\n|---|---|---|---|---|\n");
      details.actionItems().forEach(item -> md.append("| ").append(item.itemKey()).append(" | ").append(cell(item.title()))
          .append(" | ").append(item.ownerGroup()).append(" | ").append(item.dueDate()).append(" | ").append(item.state().code())
          .append(item.escalated() && item.state() != ActionItemState.VERIFIED ? " (overdue, escalated)" : "")
          .append(" |\n"));
    }
    return md.toString();
  }

  String html(Retrospectives.Details details) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Retrospective "
        + details.retrospective().retroKey() + "</title></head><body>\n"
        + html.render(parser.parse(markdown(details))) + "</body></html>\n";
  }

  /** The release comparison of each change, then the window's feedback with a few items per channel. */
  private static void feedback(StringBuilder md, RetroFacts facts) {
    List<RetroFacts.ChangeFact> compared = facts.changes().stream().filter(change -> change.feedback() != null).toList();
    if (!compared.isEmpty()) {
      md.append("### Release feedback\n\n");
      compared.forEach(change -> md.append("- ").append(change.changeKey()).append(" ")
          .append(FactGathering.release(change.feedback())).append("\n"));
      md.append("\n");
    }
    RetroFacts.FeedbackFact feedback = facts.feedback();
    if (feedback == null) {
      return;
    }
    md.append("### Feedback\n\n").append(FactGathering.figures(feedback)).append(".\n\n");
    if (!feedback.topComplaints().isEmpty()) {
      md.append("Top complaints: ").append(FactGathering.complaints(feedback)).append("\n\n");
    }
    feedback.samples().forEach((channel, items) -> {
      md.append("#### ").append(channel).append("\n\n");
      items.forEach(item -> md.append("- ").append(FactGathering.oneLine(item.text())).append(" _(")
          .append(FactGathering.sample(item)).append(")_\n"));
      md.append("\n");
    });
  }

  private static void section(StringBuilder md, String title, String text) {
    md.append("### ").append(title).append("\n\n").append(text == null ? "-" : text).append("\n\n");
  }

  /** Text inside a table cell: no line breaks, no column separators. */
  private static String cell(String text) {
    return text == null ? "-" : text.replace("|", "\\|").replaceAll("\\R", " ");
  }
}
