package io.opsflow.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.emergency.persistence.ActivationInsert;
import io.opsflow.emergency.persistence.EmergencyMapper;
import io.opsflow.emergency.steps.PlanVariables;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Texts;
import io.opsflow.security.Groups;

/**
 * Emergency plans: every deployed process whose key starts with {@code emergency-plan-}. Owner
 * group and drill interval come from the plan's own properties ({@code ownerGroup},
 * {@code drillIntervalDays}), so a team writes a new plan in Camunda Modeler and OpsFlow lists,
 * activates, drills and reports it without any Java.
 */
@Component
public class EmergencyPlans {

  public static final String PLAN_PREFIX = "emergency-plan-";
  public static final String DRILL_PROCESS = "emergency-drill";
  /** Every plan's interrupting event sub-process starts on it: the commander aborts the plan. */
  public static final String ABORT_MESSAGE = "EmergencyPlanAbortRequested";
  public static final String KEY_PREFIX = "EPA";
  private static final Phrases PHRASES = Phrases.of("emergency");
  static final int DEFAULT_DRILL_INTERVAL_DAYS = 90;

  private final EmergencyMapper mapper;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final BusinessKeys keys;
  private final Incidents incidents;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Installation installation;

  EmergencyPlans(EmergencyMapper mapper, RepositoryService repositoryService, RuntimeService runtimeService,
      HistoryService historyService, BusinessKeys keys, Incidents incidents, ApplicationEventPublisher events,
      Clock clock, Installation installation) {
    this.mapper = mapper;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.keys = keys;
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
    this.installation = installation;
  }

  /**
   * @param drillDueAt when the next drill is due (the interval after the last one, or now if never drilled)
   */
  public record Plan(String key, String name, String ownerGroup, int drillIntervalDays, Instant lastDrill,
      Instant drillDueAt, boolean drillOverdue) {
  }

  public List<Plan> plans() {
    return latestPlanDefinitions().stream()
        .map(this::plan)
        .sorted(Comparator.comparing(Plan::key))
        .toList();
  }

  /** The keys of the deployed plans. */
  public List<String> planKeys() {
    return latestPlanDefinitions().stream().map(ProcessDefinition::getKey).sorted().toList();
  }

  private List<ProcessDefinition> latestPlanDefinitions() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike(PLAN_PREFIX + "%")
        .latestVersion().list();
  }

  public Optional<Plan> plan(String key) {
    if (key == null || !key.startsWith(PLAN_PREFIX)) {
      return Optional.empty();
    }
    return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult()).map(this::plan);
  }

  private Plan plan(ProcessDefinition definition) {
    Map<String, String> properties = properties(definition);
    int interval = Integer.parseInt(properties.getOrDefault("drillIntervalDays", String.valueOf(DEFAULT_DRILL_INTERVAL_DAYS)));
    Instant lastDrill = mapper.lastDrill(definition.getKey());
    Instant due = lastDrill == null ? now() : lastDrill.plus(Duration.ofDays(interval));
    return new Plan(definition.getKey(), definition.getName(), properties.getOrDefault("ownerGroup", Groups.OPS), interval,
        lastDrill, due, !due.isAfter(now()));
  }

  private Map<String, String> properties(ProcessDefinition definition) {
    Process process = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
    Map<String, String> properties = new HashMap<>();
    if (process.getExtensionElements() != null) {
      process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
          .forEach(list -> list.getCamundaProperties().forEach(
              (CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue())));
    }
    return properties;
  }

  /** Starts a plan by hand; the plan's first step records the activation. */
  @Transactional
  public PlanActivation activate(String planKey, String service, String incidentKey, boolean drill, String by) {
    plan(planKey).orElseThrow(() -> Refusal.notFound("No emergency plan '" + planKey + "'."));
    Map<String, Object> variables = new HashMap<>();
    variables.put(PlanVariables.SERVICE, service);
    variables.put(PlanVariables.INCIDENT_KEY, incidentKey == null ? "" : incidentKey);
    variables.put(PlanVariables.DRILL, drill);
    variables.put(PlanVariables.ACTIVATED_BY, by);
    String processId = runtimeService.startProcessInstanceByKey(planKey, variables).getId();
    return mapper.byProcess(processId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public PlanActivation register(String planKey, String processInstanceId, String incidentKey, String service,
      boolean drill, String startedBy) {
    ActivationInsert activation = new ActivationInsert(keys.next(KEY_PREFIX), planKey, processInstanceId,
        incidentKey == null || incidentKey.isBlank() ? null : incidentKey, service, drill, startedBy, now());
    mapper.insert(activation);
    log(activation.activationKey(), say("step.activate"), ActivationLogKind.COMMAND, startedBy, say(drill ? "log.drill"
        : "log.activated", "plan", planKey, "service", service, "incident", activation.incidentKey()));
    return mapper.find(activation.activationKey());
  }

  /** The activation with exactly this key (the database would also match it with trailing spaces). */
  public Optional<PlanActivation> find(String activationKey) {
    return Optional.ofNullable(activationKey == null ? null : mapper.find(activationKey))
        .filter(found -> found.activationKey().equals(activationKey));
  }

  /** The activations among these keys that ran for a restricted incident. */
  public Set<String> restrictedAmong(Collection<String> activationKeys) {
    List<PlanActivation> activations = activationKeys.isEmpty() ? List.of() : mapper.findAll(activationKeys);
    Set<String> restrictedIncidents = incidents.restrictedAmong(activations.stream()
        .map(PlanActivation::incidentKey).filter(key -> key != null).toList());
    return activations.stream().filter(activation -> restrictedIncidents.contains(activation.incidentKey()))
        .map(PlanActivation::activationKey).collect(Collectors.toSet());
  }

  /** The activation, if it exists and the reader may see it: one for a restricted incident is as if it did not exist. */
  public Optional<PlanActivation> find(String activationKey, boolean withRestricted) {
    return find(activationKey).filter(activation -> withRestricted || !incidents.restricted(activation.incidentKey()));
  }

  /** The activations for this incident whose plan still runs. */
  public List<PlanActivation> runningFor(String incidentKey) {
    return activationsFor(List.of(incidentKey)).stream()
        .filter(activation -> runtimeService.createProcessInstanceQuery()
            .processInstanceId(activation.processInstanceId()).count() > 0)
        .toList();
  }

  /** Activations run for these incidents. */
  public List<PlanActivation> activationsFor(java.util.Collection<String> incidentKeys) {
    return incidentKeys.isEmpty() ? List.of() : mapper.forIncidents(incidentKeys);
  }

  public void commandTaken(String activationKey, String commander, boolean proceed, String briefing) {
    mapper.setCommander(activationKey, commander);
    if (!proceed) {
      events.publishEvent(AuditEvent.of("emergency-plan.aborted", activationKey).by(commander).details(briefing));
    }
    log(activationKey, say("step.take-command"), ActivationLogKind.COMMAND, commander,
        say(proceed ? "log.runs" : "log.does-not-apply", "briefing", briefing));
  }

  /**
   * The commander aborts a running plan, whatever it waits for: its abort event sub-process closes
   * every open step (people's tasks, actions waiting for a retry) and ends the plan as {@code aborted}.
   */
  @Transactional
  public PlanActivation abort(String activationKey, String by, String reason, boolean withRestricted) {
    PlanActivation activation = find(activationKey, withRestricted)
        .orElseThrow(() -> Refusal.notFound("No emergency plan activation '" + activationKey + "'."));
    if (activation.endedAt() != null || runtimeService.createProcessInstanceQuery()
        .processInstanceId(activation.processInstanceId()).count() == 0) {
      throw Refusal.conflict("Emergency plan activation " + activationKey + " has already ended"
          + (activation.outcome() == null ? "." : ": " + activation.outcome().code() + "."));
    }
    try {
      runtimeService.createMessageCorrelation(ABORT_MESSAGE).processInstanceId(activation.processInstanceId())
          .setVariable(PlanVariables.ABORTED_BY, by).setVariable(PlanVariables.ABORT_REASON, reason).correlateWithResult();
    } catch (OptimisticLockingException | MismatchingMessageCorrelationException movedOn) {
      throw Refusal.conflict("Emergency plan activation " + activationKey + " moved on at the same moment (a step"
          + " finished or an action ran); look at it again and abort again if it still runs.");
    }
    return mapper.find(activationKey);
  }

  /** Recorded by the plan's "Record abort" step when the commander aborted it while it ran. */
  public void aborted(String activationKey, String by, String reason) {
    events.publishEvent(AuditEvent.of("emergency-plan.aborted", activationKey).by(by).details(reason));
    log(activationKey, say("step.abort"), ActivationLogKind.ABORT, by, say("log.aborted", "reason", reason));
  }

  /** Step names come from plans teams write in Modeler: cut, like the message, to their columns. */
  public void log(String activationKey, String step, ActivationLogKind kind, String actor, String message) {
    mapper.log(activationKey, now(), step == null ? say("step.unnamed") : Texts.clip(step, 200), kind,
        actor == null ? "opsflow" : actor, Texts.clip(message, 4000));
  }

  public void end(String activationKey, PlanOutcome outcome, String summary) {
    PlanActivation activation = find(activationKey).orElseThrow();
    Instant endedAt = now();
    mapper.end(activationKey, endedAt, outcome, summary);
    events.publishEvent(new PlanFinished(activationKey, activation.planKey(), activation.serviceKey(),
        activation.incidentKey(), activation.drill(), outcome, endedAt));
  }

  /** An activation with every step (who, role, start, end, duration), its notes and automated actions. */
  public record Report(PlanActivation activation, String planName, Long durationSeconds, List<Step> steps,
      List<ActivationLogEntry> log) {
  }

  /** @param cancelled the step was still open when the plan was aborted (or its action failed and went to people) */
  public record Step(String activityId, String step, String role, String who, Instant startedAt, Instant endedAt,
      Long durationSeconds, boolean cancelled) {
  }

  public Report report(String activationKey, boolean withRestricted) {
    PlanActivation activation = find(activationKey, withRestricted)
        .orElseThrow(() -> Refusal.notFound("No emergency plan activation '" + activationKey + "'."));
    String definitionId = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(activation.processInstanceId()).singleResult().getProcessDefinitionId();
    // the engine caches models per definition; this is no parse per report
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
    List<Step> steps = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(activation.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list().stream()
        .filter(activity -> activity.getActivityType().endsWith("Task"))
        .map(activity -> step(activity, model))
        .toList();
    Long duration = activation.endedAt() == null ? null
        : Duration.between(activation.startedAt(), activation.endedAt()).toSeconds();
    String name = repositoryService.getProcessDefinition(definitionId).getName();
    return new Report(activation, name, duration, steps, mapper.logOf(activationKey));
  }

  private static Step step(HistoricActivityInstance activity, BpmnModelInstance model) {
    BaseElement element = model.getModelElementById(activity.getActivityId());
    String role = element instanceof UserTask task ? task.getCamundaCandidateGroups() : "automated";
    Instant start = activity.getStartTime().toInstant();
    Instant end = activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
    return new Step(activity.getActivityId(), activity.getActivityName(), role,
        activity.getAssignee() != null ? activity.getAssignee() : "userTask".equals(activity.getActivityType()) ? null : "opsflow",
        start, end, end == null ? null : Duration.between(start, end).toSeconds(), activity.isCanceled());
  }

  /** Opens a "Schedule drill" task for every plan whose drill is overdue, unless one is already open. */
  public List<String> openDrillTasks() {
    return plans().stream().filter(Plan::drillOverdue)
        .filter(plan -> runtimeService.createProcessInstanceQuery().processDefinitionKey(DRILL_PROCESS)
            .processInstanceBusinessKey(plan.key()).count() == 0)
        .map(plan -> {
          Map<String, Object> variables = new HashMap<>();
          variables.put(PlanVariables.PLAN_KEY, plan.key());
          variables.put(PlanVariables.PLAN_FACTS, say("drill.facts", "plan", plan.name(), "key", plan.key(), "owner",
              plan.ownerGroup(), "lastDrill", plan.lastDrill() == null ? say("drill.never") : plan.lastDrill(), "days",
              plan.drillIntervalDays()));
          runtimeService.startProcessInstanceByKey(DRILL_PROCESS, plan.key(), variables);
          return plan.key();
        })
        .toList();
  }

  /**
   * What the plans write for people (the activation log, their forms' facts) in the installation's
   * language, from {@code texts/emergency_*.properties} ({@link Phrases#say}).
   */
  public String say(String key, Object... namesAndValues) {
    return PHRASES.say(installation.reader(), key, namesAndValues);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
