package io.opsflow.incident.steps;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentCategory;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.incident.PriorityDecision;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.process.TaskPriority;
import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;
import io.opsflow.kernel.process.ProcessVariables;
import static io.opsflow.kernel.process.ProcessVariables.strictCode;
import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Acknowledge &amp; triage": checks the form again, applies a priority override through
 * the {@code incident-priority} decision, stores the category (a {@code security} incident becomes
 * restricted, and one no longer {@code security} open again, from now on) and records the
 * acknowledgement. Whether the incident is major is the {@code incident-major} decision's, next in
 * the model, from {@code declaredMajor} and the priority. A late acknowledgement no longer raises the
 * tasks' priority ({@link SlaLateness}).
 */
@Component("triageCompleted")
class TriageCompleted implements TaskListener {

  static final Set<String> DIAGNOSIS_GROUPS = Set.of(Groups.OPS, Groups.DEV, Groups.SECURITY);

  private final Incidents incidents;
  private final Decisions decisions;
  private final Visibility visibility;
  private final SlaLateness lateness;

  TriageCompleted(Incidents incidents, Decisions decisions, Visibility visibility, SlaLateness lateness) {
    this.lateness = lateness;
    this.incidents = incidents;
    this.decisions = decisions;
    this.visibility = visibility;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = incidents.formCheck("form.triage");
    String diagnosisGroup = check.text(task, IncidentVariables.DIAGNOSIS_GROUP);
    String overrideCode = check.text(task, IncidentVariables.PRIORITY_OVERRIDE);
    Priority override = Codes.find(Priority.class, overrideCode).orElse(null);
    String reason = check.text(task, IncidentVariables.OVERRIDE_REASON);
    Boolean declaredMajor = check.flag(task, IncidentVariables.MAJOR);
    String categoryCode = check.text(task, IncidentVariables.CATEGORY);
    IncidentCategory category = Codes.find(IncidentCategory.class, categoryCode).orElse(null);
    Priority current = strictCode(task, IncidentVariables.PRIORITY, Priority.class);
    boolean overriding = override != null && override != current;
    boolean restricted = category != null && visibility.restricts(category.code());
    check.requireThat(diagnosisGroup != null && DIAGNOSIS_GROUPS.contains(diagnosisGroup), "form.diagnosis-group")
        .requireThat(!restricted || !Groups.DEV.equals(diagnosisGroup), "form.restricted-diagnosis")
        .requireThat(category != null, "form.category")
        .requireThat(overrideCode == null || override != null, "form.priority-override")
        .requireThat(!overriding || reason != null, "form.override-reason")
        .requireThat(reason == null || reason.length() <= 1000, "form.override-reason-max")
        .orRefuse();

    String key = IncidentVariables.incidentKey(task);
    String actor = TaskActor.of(task);
    if (incidents.classify(key, category, actor)) {
      visibility.apply(task.getProcessInstanceId(), restricted);
    }
    if (overriding) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put(IncidentVariables.IMPACT, strictText(task, IncidentVariables.IMPACT));
      inputs.put(IncidentVariables.URGENCY, strictText(task, IncidentVariables.URGENCY));
      inputs.put(IncidentVariables.PRIORITY_OVERRIDE, override.code());
      inputs.put(IncidentVariables.SERVICE_LIFECYCLE, task.getVariable(IncidentVariables.SERVICE_LIFECYCLE));
      PriorityDecision decision = PriorityDecision.of(decisions.single("incident-priority", inputs));
      Date resolveDue = (Date) task.getVariable(IncidentVariables.RESOLVE_DUE_AT);
      Incident reprioritised = incidents.setPriority(key, decision, actor, reason);
      IncidentFacts.apply(reprioritised, task.getExecution(), incidents);
      // open tasks (a confirmation beside the triage) and a running emergency plan follow at once
      Date resolveDueNow = Incidents.date(reprioritised.resolveDueAt());
      TaskPriority.follow(task.getProcessEngineServices(), task.getProcessInstanceId(),
          reprioritised.priority().taskPriority(), new TaskPriority.Deadline(resolveDue, resolveDueNow),
          Map.of(IncidentVariables.PRIORITY, reprioritised.priority().code(),
              IncidentVariables.RESOLVE_DUE_AT, resolveDueNow));
    } else {
      task.getExecution().setVariable(IncidentVariables.PRIORITY_OVERRIDE, null);
    }
    boolean declared = Boolean.TRUE.equals(declaredMajor);
    task.getExecution().setVariable(IncidentVariables.DECLARED_MAJOR, declared);
    task.getExecution().setVariable(IncidentVariables.DIAGNOSIS_GROUP, diagnosisGroup);
    incidents.acknowledge(key, actor, diagnosisGroup, declared);
    lateness.acknowledged(incidents.find(key).orElseThrow(), task);
  }
}
