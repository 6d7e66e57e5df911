package io.opsflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

import io.opsflow.change.Changes;
import io.opsflow.demo.HistoryPlan.Outage;
import io.opsflow.demo.HistoryPlan.Result;
import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.security.Groups;

/**
 * What the demo team answers in each task of the history, who of them, and when: approvals within hours,
 * acknowledgements and fixes as the planned share of the incident's targets, retrospectives over days,
 * action items mostly by their due date (some late, a few never). A task it has no answer for stays open.
 */
class HistoryAnswers {

  /** Someone completes the task at {@code at} with these variables. */
  record Planned(Instant at, String user, Map<String, Object> variables) {
  }

  /** A task answered the same way every time, some minutes after it appears (least to most). */
  private record Fixed(Map<String, Object> variables, int least, int most) {
  }

  private static final Map<String, Fixed> FIXED = Map.of(
      "Task_RollBack", new Fixed(Map.of("rollbackNote", "已回滚到上一版本 / Previous version restored"), 8, 30),
      "Task_InvestigateDeployment", new Fixed(Map.of("investigation", "cancel",
          "investigationNote", "流水线被中止 / The pipeline was aborted"), 10, 90),
      "Task_VerifyResolution", new Fixed(Map.of("verified", true,
          "verificationNote", "监控恢复正常 / Monitoring back to normal"), 5, 40),
      "Task_ConfirmClosure", new Fixed(Map.of("closureConfirmed", true, "closureNote", "告警已恢复 / Alerts cleared"), 10, 90),
      "Task_TakeCommand", new Fixed(Map.of("proceed", true, "briefing", "按预案执行 / Follow the plan"), 1, 5),
      "Task_CommunicateUsers", new Fixed(Map.of("notice",
          "我们正在恢复服务，30 分钟后更新 / We are restoring the service; next update in 30 minutes."), 3, 10),
      "Task_StandDown", new Fixed(Map.of("outcome", "restored", "standDownSummary", "服务已恢复 / Service restored"), 5, 20),
      "Task_VerifyImprovement", new Fixed(Map.of("improvementVerified", true, "verificationNote", "已验证 / Verified"),
          60, 600));

  private final ProcessEngine engine;
  private final Changes changes;
  private final Incidents incidents;
  private final Map<String, Result> changeResults = new HashMap<>();
  private final Map<String, Outage> outages = new HashMap<>();
  private final Map<String, Boolean> drillsHeld = new HashMap<>();

  HistoryAnswers(ProcessEngine engine, Changes changes, Incidents incidents) {
    this.engine = engine;
    this.changes = changes;
    this.incidents = incidents;
  }

  void expect(String changeKey, Result result) {
    changeResults.put(changeKey, result);
  }

  void expect(String incidentKey, Outage outage) {
    outages.put(incidentKey, outage);
  }

  void drill(String planKey, boolean held) {
    drillsHeld.put(planKey, held);
  }

  Optional<Planned> plan(Task task, Instant now) {
    Random random = new Random(HistoryPlan.SEED * 31 + Objects.hash(task.getTaskDefinitionKey(), task.getName(),
        task.getCreateTime().getTime()));
    String group = candidateGroup(task);
    Map<String, Object> variables = new HashMap<>();
    Instant at = now.plus(minutes(random, 10, 90));
    String user = HistoryPlan.person(group, now, null);
    Fixed fixed = FIXED.get(task.getTaskDefinitionKey());
    if (fixed != null) {
      return Optional.of(new Planned(now.plus(minutes(random, fixed.least(), fixed.most())).truncatedTo(ChronoUnit.SECONDS),
          user, fixed.variables()));
    }
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveChange" -> {
        String approverGroup = (String) variable(task, "approverGroup");
        String requester = changes.get(businessKey(task)).requestedBy();
        user = HistoryPlan.person(approverGroup, now, requester);
        variables.put("approved", "true");
        variables.put("comment", Groups.MANAGER.equals(approverGroup) ? "CAB 同意 / CAB approved" : "LGTM");
        at = now.plus(Groups.MANAGER.equals(approverGroup) ? minutes(random, 10, 120) : minutes(random, 5, 180));
      }
      case "Task_ConfirmInProduction" -> {
        boolean broken = changeResults.get(businessKey(task)) == Result.BROKEN_IN_PRODUCTION;
        variables.put("confirmedInProduction", !broken);
        variables.put("confirmationNote", broken ? "导出为空 / Exports are empty" : "主流程正常 / Main journeys work");
      }
      case "Task_DecideRollback" -> {
        boolean rollBack = changeResults.get(businessKey(task)) == Result.ROLLED_BACK_AFTER_ALERT;
        variables.put("rollBack", rollBack);
        variables.put("decisionNote", rollBack ? "错误率翻倍，回滚 / Error rate doubled: roll back"
            : "告警与本次发布无关 / The alert is unrelated");
        at = now.plus(minutes(random, 3, 15));
      }
      case "Task_AcknowledgeTriage" -> {
        Incident incident = incidents.find(businessKey(task)).orElseThrow();
        at = onTarget(incident, true, random, now.plusSeconds(30));
        user = HistoryPlan.person(Groups.OPS, at, null);
        Outage outage = outages.get(incident.incidentKey());
        variables.put("category", outage != null ? outage.category() : "outage");
        variables.put("diagnosisGroup", random.nextDouble() < 0.55 ? Groups.DEV : Groups.OPS);
        variables.put("major", false);
      }
      case "Task_DiagnoseMitigate" -> {
        Incident incident = incidents.find(businessKey(task)).orElseThrow();
        at = onTarget(incident, false, random, now.plus(minutes(random, 3, 10)));
        user = HistoryPlan.person(incident.diagnosisGroup() == null ? Groups.OPS : incident.diagnosisGroup(), at, null);
        variables.put("resolutionSummary", random.nextBoolean() ? "回滚配置并扩容 / Rolled back the config and scaled out"
            : "修复慢查询 / Fixed the slow query");
      }
      case "Task_ScheduleDrill" -> {
        String planKey = businessKey(task);
        if (!drillsHeld.getOrDefault(planKey, false)) {
          return Optional.empty();
        }
        at = now.plus(Duration.ofHours(2 + random.nextInt(30)));
        variables.put("service", HistoryPlan.drilledService(planKey));
        variables.put("drillAt", Date.from(at.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7 + random.nextInt(14)))
            .plus(Duration.ofHours(6))));
      }
      case "Task_Prepare" -> {
        variables.put("summary", "复盘准备 / Prepared from the facts");
        variables.put("wentWell", "告警及时 / The alert came early");
        variables.put("wentWrong", "缺少回滚演练 / No rehearsed rollback");
        at = now.plus(Duration.ofHours(4 + random.nextInt(44)));
      }
      case "Task_AddFindingsOps", "Task_AddFindingsDev", "Task_AddFindingsQa", "Task_AddFindingsSecurity" -> {
        if (random.nextBoolean()) {
          variables.put("findings", "监控阈值过高 / The alert threshold was too high");
        } else {
          variables.put("nothingToAdd", true);
        }
        at = now.plus(Duration.ofHours(2 + random.nextInt(46)));
      }
      case "Task_HoldReview" -> {
        at = now.plus(Duration.ofHours(24 + random.nextInt(72)));
        LocalDate due = LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(5 + random.nextInt(16));
        variables.put("rootCauses", "发布前缺少压测 / No load test before the release");
        variables.put("actionItems", "发布前压测 / Load test before release; " + Groups.QA + "; " + due
            + (random.nextBoolean() ? "\n连接池告警 / Alert on pool saturation; " + Groups.OPS + "; " + due.plusDays(7) : ""));
      }
      case "Task_ImplementImprovement" -> {
        Instant due = task.getDueDate() == null ? now.plus(Duration.ofDays(10)) : task.getDueDate().toInstant();
        double roll = random.nextDouble();
        if (roll < 0.12) {
          return Optional.empty();
        }
        at = roll < 0.32 ? due.plus(Duration.ofHours(12 + random.nextInt(96)))
            : later(now.plus(Duration.ofHours(4)), due.minus(Duration.ofHours(8 + random.nextInt(96))));
        variables.put("implementationNote", "已完成 / Done");
      }
      default -> {
        if (task.getTaskDefinitionKey().startsWith("Task_")
            && engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey()
                .startsWith("emergency-plan-")) {
          variables.put("stepNote", "已完成 / Done: " + task.getName());
          at = now.plus(minutes(random, 3, 20));
        } else {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Planned(at.truncatedTo(ChronoUnit.SECONDS), user, variables));
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(IdentityLink::getGroupId)
        .findFirst().orElse(Groups.OPS);
  }

  private Object variable(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  private String businessKey(Task task) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  /**
   * When the incident is acknowledged (or resolved): at the planned share of its target, or a usual one for
   * an incident the plan does not know (a failed deployment's); never before {@code earliest}.
   */
  private Instant onTarget(Incident incident, boolean acknowledge, Random random, Instant earliest) {
    Outage outage = outages.get(incident.incidentKey());
    double share = outage == null ? 0.25 + random.nextDouble() * 0.6
        : acknowledge ? outage.acknowledgeShare() : outage.resolveShare();
    Instant due = acknowledge ? incident.ackDueAt() : incident.resolveDueAt();
    Duration target = due == null ? Duration.ofHours(4) : Duration.between(incident.openedAt(), due);
    return later(earliest, incident.openedAt().plusSeconds((long) (target.toSeconds() * share)));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration minutes(Random random, int least, int most) {
    return Duration.ofMinutes(least + random.nextInt(most - least + 1));
  }
}
