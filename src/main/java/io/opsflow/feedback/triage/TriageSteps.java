package io.opsflow.feedback.triage;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.feedback.FeedbackTriages;
import io.opsflow.feedback.Triage;
import io.opsflow.feedback.TriageDecision;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.text.Installation;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.security.Groups;

/** The named steps and the task listener of feedback-triage. */
@Configuration(proxyBeanMethods = false)
class TriageSteps {

  static final String TRIAGE_KEY = "triageKey";
  static final String DECISION = "decision";
  static final String DECIDED_BY = "decidedBy";
  /** The form field that carries the text each decision needs. */
  static final Map<TriageDecision, String> TEXT_FIELD = Map.of(TriageDecision.ACCEPT, "backlogLink",
      TriageDecision.ANSWER, "reply", TriageDecision.DISMISS, "dismissReason");
  /** A backlog item: its web address, or a ticket id such as PAY-123 or #123. */
  private static final Pattern LINK = Pattern.compile("https?://[^\\s/?#]+[^\\s]*|[A-Za-z][A-Za-z0-9_]{0,31}-\\d{1,10}|#\\d{1,10}");

  /** Group new feedback: the daily run (or a manager's) opens one triage per service and topic. */
  @Bean
  JavaDelegate groupNewFeedback(FeedbackTriages triages) {
    return execution -> execution.setVariable("triagesOpened", triages.run().size());
  }

  /**
   * Triage feedback (the dev group's task, or the managers' when overdue): the form's decision and
   * the text it needs, checked again here; a refusal keeps the task open.
   */
  @Bean
  TaskListener feedbackTriaged() {
    return task -> {
      FormCheck check = FormCheck.of("decide the triage");
      String code = check.text(task, DECISION);
      TriageDecision decision = Codes.find(TriageDecision.class, code).orElse(null);
      check.require(code == null || decision != null, "decision must be accept, answer or dismiss, not '" + code + "'")
          .require(code != null, "decision is required: accept into the backlog, answer the users, or dismiss");
      String link = check.text(task, "backlogLink", FeedbackTriages.MAX_LINK);
      String reply = check.text(task, "reply", FeedbackTriages.MAX_REPLY);
      String reason = check.text(task, "dismissReason", FeedbackTriages.MAX_REASON);
      if (decision == TriageDecision.ACCEPT) {
        check.require(link != null, "backlogLink is required: the backlog item's address (http or https) or its"
            + " ticket id, e.g. PAY-123")
            .require(link == null || LINK.matcher(link).matches(), "backlogLink must be an http(s) address or a"
                + " ticket id such as PAY-123 or #123");
      } else if (decision == TriageDecision.ANSWER) {
        check.require(reply != null, "reply is required: what the users are told");
      } else if (decision == TriageDecision.DISMISS) {
        check.require(reason != null, "dismissReason is required: why nothing is done");
      }
      check.orRefuse();
      task.getExecution().setVariable(DECISION, decision.code());
      task.getExecution().setVariable(DECIDED_BY, TaskActor.of(task));
    };
  }

  @Bean
  JavaDelegate acceptTriage(FeedbackTriages triages) {
    return execution -> decide(triages, execution, TriageDecision.ACCEPT);
  }

  /** Answer users: the reply goes onto every item of the triage. */
  @Bean
  JavaDelegate answerTriageUsers(FeedbackTriages triages) {
    return execution -> decide(triages, execution, TriageDecision.ANSWER);
  }

  @Bean
  JavaDelegate dismissTriage(FeedbackTriages triages) {
    return execution -> decide(triages, execution, TriageDecision.DISMISS);
  }

  private static void decide(FeedbackTriages triages, DelegateExecution execution, TriageDecision decision) {
    triages.decide(ProcessVariables.strictText(execution, TRIAGE_KEY), decision,
        ProcessVariables.strictText(execution, TEXT_FIELD.get(decision)),
        ProcessVariables.strictText(execution, DECIDED_BY));
  }

  /** Hand the triage to the managers: recorded, and managers and the dev group are told. */
  @Bean
  JavaDelegate escalateTriage(FeedbackTriages triages, Notifications notifications, Installation installation) {
    return execution -> {
      Triage triage = triages.escalated(ProcessVariables.strictText(execution, TRIAGE_KEY));
      notifications.publish(Notice.of(NoticeEvent.FEEDBACK_TRIAGE_OVERDUE.code() + ":" + triage.key(),
              NoticeEvent.FEEDBACK_TRIAGE_OVERDUE, triage.key())
          .withService(triage.service())
          .withGroups(List.of(Groups.MANAGER, ProcessVariables.strictText(execution, "devGroup")))
          .withFacts(Map.of("title", triage.topic() + " (" + triage.itemCount() + " items)", "count",
              Integer.toString(triage.itemCount()), "due", installation.time(triage.dueAt())))
          .withLink("/api/feedback/triage/" + triage.key()));
    };
  }
}
