package io.opsflow.feedback.triage;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.feedback.FeedbackTriages;
import io.opsflow.security.Groups;
import io.opsflow.security.ProcessParticipants;
import io.opsflow.tasklist.TasklistColumn;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

  /**
   * Ops, dev and managers read triages in Cockpit and Tasklist; nobody starts one by hand (the
   * daily timer does, or a manager through {@code POST /api/feedback/triage/run}).
   */
  @Bean
  ProcessParticipants feedbackTriageParticipants() {
    return new ProcessParticipants(FeedbackTriages.PROCESS_KEY, List.of(Groups.OPS, Groups.DEV, Groups.MANAGER),
        List.of());
  }

  @Bean
  TasklistColumn feedbackTriageColumn() {
    return new TasklistColumn(TriageSteps.TRIAGE_KEY, "Feedback triage", "反馈分拣");
  }

  /**
   * The daily run's cron, as feedback-triage's timer start reads it ({@code ${feedbackTriageSchedule.cron()}}).
   * A bean of its own with nothing else in it: the engine reads it while it deploys, before the
   * beans that need the engine exist.
   */
  @Bean
  TriageSchedule feedbackTriageSchedule(@Value("${opsflow.feedback.triage.schedule:0 0 9 * * ?}") String cron) {
    return new TriageSchedule(cron);
  }
}
