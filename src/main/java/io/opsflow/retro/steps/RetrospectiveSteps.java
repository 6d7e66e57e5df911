package io.opsflow.retro.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.change.Changes;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.retro.ActionItem;
import io.opsflow.retro.Retrospectives;
import io.opsflow.retro.SubjectType;
import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;

/** The named steps and task listeners of post-launch-retrospective. */
@Configuration(proxyBeanMethods = false)
public class RetrospectiveSteps {

  public static final String RETRO_KEY = "retroKey";
  /** The gathered facts as the forms show them. */
  public static final String FACTS = "facts";
  /** Variables of the start message {@link Retrospectives#MESSAGE_REQUESTED}: what to look back on. */
  static final String SUBJECT_TYPE = "subjectType";
  static final String SUBJECT_KEY = "subjectKey";
  /** The service and window of a launch's retrospective (its hypercare period), or of one by hand. */
  static final String SERVICE = "service";
  static final String WINDOW_START = "windowStart";
  static final String WINDOW_END = "windowEnd";
  static final Map<String, String> FINDING_GROUPS = Map.of(
      "Task_AddFindingsOps", Groups.OPS, "Task_AddFindingsDev", Groups.DEV, "Task_AddFindingsQa", Groups.QA,
      "Task_AddFindingsSecurity", Groups.SECURITY);

  /**
   * Register retrospective: one per change or incident (a repeat ends at once, ignored). A change's
   * retrospective waits for its observation window; by hand, the form names service and window.
   * What a message or a start through /engine-rest brings is checked like a form. The
   * retrospective of a restricted incident is restricted too; any other is readable by all staff.
   */
  @Bean
  JavaDelegate registerRetrospective(Retrospectives retrospectives, Changes changes, Incidents incidents,
      ServiceCatalog catalog, Visibility visibility) {
    return execution -> {
      FormCheck check = FormCheck.of("request the retrospective");
      String typeCode = check.text(execution, SUBJECT_TYPE);
      SubjectType type = Codes.find(SubjectType.class, typeCode).orElse(null);
      String subject = check.text(execution, SUBJECT_KEY);
      check.require(typeCode == null || type != null, "subjectType must be change, incident, launch or manual")
          .require(type != SubjectType.CHANGE || changes.find(subject).isPresent(), "subjectKey must name a change")
          .require(type != SubjectType.INCIDENT || incidents.find(subject).isPresent(), "subjectKey must name an incident")
          .orRefuse();
      Instant now = retrospectives.now();
      Instant start;
      Instant end;
      String service;
      String requestedBy;
      if (type == SubjectType.CHANGE) {
        var change = changes.get(subject);
        service = change.serviceKey();
        start = change.createdAt();
        end = now.plus(retrospectives.observationWindow(service));
        requestedBy = "change-release";
        execution.setVariable("observationEndsAt", Date.from(end));
      } else if (type == SubjectType.INCIDENT) {
        var incident = incidents.find(subject).orElseThrow();
        service = incident.serviceKey() != null ? incident.serviceKey() : incident.serviceLabel();
        start = incident.openedAt().minus(Duration.ofDays(1));
        end = now;
        requestedBy = "incident-response";
      } else if (type == SubjectType.LAUNCH) {
        service = check.text(execution, SERVICE);
        start = check.requiredMoment(execution, WINDOW_START);
        end = check.requiredMoment(execution, WINDOW_END);
        check.require(subject != null, "subjectKey must name the launch")
            .require(service != null && catalog.find(service).isPresent(), "service must name a catalog service")
            .require(start == null || end == null || !start.isAfter(end), "windowStart must not be after windowEnd")
            .orRefuse();
        requestedBy = "service-launch";
      } else {
        type = SubjectType.MANUAL;
        service = check.text(execution, SERVICE);
        start = check.requiredMoment(execution, WINDOW_START);
        end = check.requiredMoment(execution, WINDOW_END);
        String by = check.text(execution, "requestedBy", 64);
        check.require(service != null && catalog.find(service).isPresent(), "service must name a catalog service")
            .require(start == null || end == null || start.isBefore(end), "windowStart must be before windowEnd")
            .orRefuse();
        // the person signed in, not what a form may claim; the API names its caller
        requestedBy = TaskActor.authenticated().orElse(by == null ? "opsflow" : by);
      }
      execution.setVariable(SUBJECT_TYPE, type.code());
      var registered = retrospectives.register(type, subject, service, start, end, requestedBy);
      execution.setVariable("duplicate", registered.isEmpty());
      registered.ifPresent(retro -> {
        execution.setProcessBusinessKey(retro.retroKey());
        execution.setVariable(RETRO_KEY, retro.retroKey());
        execution.setVariable(SERVICE, retro.serviceKey());
        visibility.apply(execution.getProcessInstanceId(), retrospectives.restricted(retro));
      });
    };
  }

  /** Gather facts: the change, incidents, alerts and emergency plans of the service in the window. */
  @Bean
  JavaDelegate gatherRetrospectiveFacts(Retrospectives retrospectives) {
    return execution -> {
      String key = ProcessVariables.lenientText(execution, RETRO_KEY);
      execution.setVariable(FACTS, retrospectives.gatherFacts(key));
      execution.setVariable("preparers", retrospectives.preparers(key));
    };
  }

  @Bean
  TaskListener retrospectivePrepared(Retrospectives retrospectives) {
    return task -> {
      FormCheck check = FormCheck.of("prepare the retrospective");
      String summary = check.text(task, "summary");
      String wentWell = check.text(task, "wentWell");
      String wentWrong = check.text(task, "wentWrong");
      check.require(summary != null, "summary must say what happened").orRefuse();
      retrospectives.prepared(ProcessVariables.lenientText(task, RETRO_KEY), summary, wentWell, wentWrong);
    };
  }

  /** Each group adds its view, or says it has nothing to add. */
  @Bean
  TaskListener findingsAdded(Retrospectives retrospectives) {
    return task -> {
      FormCheck check = FormCheck.of("add your findings");
      String findings = check.text(task, "findings");
      Boolean nothing = check.flag(task, "nothingToAdd");
      check.require(findings != null || Boolean.TRUE.equals(nothing), "findings are required, or tick 'nothing to add'")
          .orRefuse();
      retrospectives.addFinding(ProcessVariables.lenientText(task, RETRO_KEY), FINDING_GROUPS.get(task.getTaskDefinitionKey()),
          findings, findings == null, TaskActor.of(task));
      task.getExecution().removeVariable("findings");
      task.getExecution().removeVariable("nothingToAdd");
    };
  }

  /** Hold review: root causes and the action items, one per line "title; owner group; due date". */
  @Bean
  TaskListener reviewHeld(Retrospectives retrospectives) {
    return task -> {
      FormCheck check = FormCheck.of("finish the review");
      String rootCauses = check.text(task, "rootCauses");
      String itemsText = check.text(task, "actionItems");
      check.require(rootCauses != null, "rootCauses must name what caused it");
      List<String> problems = new ArrayList<>();
      List<Retrospectives.ItemLine> items = retrospectives.parseItems(itemsText,
          ProcessVariables.lenientFlag(task, Visibility.VARIABLE), problems);
      problems.forEach(problem -> check.require(false, problem));
      check.orRefuse();
      retrospectives.reviewed(ProcessVariables.lenientText(task, RETRO_KEY), rootCauses, items);
    };
  }

  /** Publish report: the report is live from now on, linked from the process. */
  @Bean
  JavaDelegate publishRetrospectiveReport(Retrospectives retrospectives, Notifications notifications) {
    return execution -> {
      String key = ProcessVariables.lenientText(execution, RETRO_KEY);
      retrospectives.published(key);
      String url = "/api/retrospectives/" + key + "/report";
      execution.setVariable("reportUrl", url);
      List<String> readers = ProcessVariables.lenientFlag(execution, Visibility.VARIABLE)
          ? Groups.STAFF.stream().filter(Visibility.RESTRICTED_READERS::contains).toList() : Groups.STAFF;
      var retro = retrospectives.get(key);
      Map<String, Object> facts = new HashMap<>();
      facts.put("title", retro.subjectType().code() + " " + retro.subjectKey());
      facts.put("actionItems", Integer.toString(retrospectives.details(key, true).actionItems().size()));
      notifications.publish(Notice.of(NoticeEvent.RETROSPECTIVE_PUBLISHED.code() + ":" + key,
          NoticeEvent.RETROSPECTIVE_PUBLISHED, key).withService(retro.serviceKey()).withGroups(readers)
          .withFacts(facts).withLink(url));
    };
  }

  @Bean
  TaskListener improvementImplemented(Retrospectives retrospectives) {
    return task -> {
      FormCheck check = FormCheck.of("report the improvement");
      String note = check.text(task, "implementationNote");
      check.require(note != null, "implementationNote must say what was done").orRefuse();
      retrospectives.implemented(ProcessVariables.lenientText(task, "actionItemKey"), note, TaskActor.of(task));
    };
  }

  @Bean
  TaskListener improvementVerification(Retrospectives retrospectives) {
    return task -> {
      FormCheck check = FormCheck.of("verify the improvement");
      Boolean verified = check.flag(task, "improvementVerified");
      String note = check.text(task, "verificationNote");
      check.require(verified != null, "improvementVerified must be true or false")
          .require(!Boolean.FALSE.equals(verified) || note != null, "verificationNote must say what is missing").orRefuse();
      task.getExecution().setVariable("improvementVerified", verified);
      retrospectives.verified(ProcessVariables.lenientText(task, "actionItemKey"), verified, note, TaskActor.of(task));
    };
  }

  /** A day before an action item is due: its owner group is reminded. */
  @Bean
  JavaDelegate remindActionItem(Retrospectives retrospectives, Notifications notifications) {
    return execution -> {
      ActionItem item = retrospectives.item(ProcessVariables.lenientText(execution, "actionItemKey"));
      notifications.publish(itemNotice(NoticeEvent.ACTION_ITEM_DUE, item, List.of(item.ownerGroup())));
    };
  }

  /** An action item past its due date: managers may take it too, and are told. */
  @Bean
  JavaDelegate escalateActionItem(Retrospectives retrospectives, Notifications notifications, TaskService taskService) {
    return execution -> {
      String itemKey = ProcessVariables.lenientText(execution, "actionItemKey");
      retrospectives.escalate(itemKey);
      ActionItem item = retrospectives.item(itemKey);
      for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey("Task_ImplementImprovement").list()) {
        if (itemKey.equals(taskService.getVariable(task.getId(), "actionItemKey"))) {
          taskService.addCandidateGroup(task.getId(), Groups.MANAGER);
        }
      }
      notifications.publish(itemNotice(NoticeEvent.ACTION_ITEM_OVERDUE, item, List.of(item.ownerGroup(), Groups.MANAGER)));
    };
  }

  /** About one action item, threaded with its retrospective; once per item and event. */
  private static Notice itemNotice(NoticeEvent event, ActionItem item, List<String> groups) {
    return Notice.of(event.code() + ":" + item.itemKey(), event, item.retroKey()).withGroups(groups)
        .withFacts(Map.of("item", item.itemKey(), "title", item.title(), "owner", item.ownerGroup(),
            "due", item.dueDate().toString()))
        .withLink("/api/retrospectives/" + item.retroKey() + "/report");
  }

  @Bean
  JavaDelegate closeRetrospective(Retrospectives retrospectives) {
    return execution -> retrospectives.close(ProcessVariables.lenientText(execution, RETRO_KEY));
  }
}
