package io.opsflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every rule of every decision table in {@code processes/}: one case per rule, fall-through rows
 * included, each asserting the rule that matched and what it gave. The DMN engine alone: no
 * Spring, no database. A table added without cases fails {@link #everyRuleOfEveryTableIsHit()}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionTablesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final List<DmnDecisionLogicEvaluationEvent> EVALUATED = new ArrayList<>();
  private static final Map<String, Set<String>> HIT = new HashMap<>();
  private static final DmnEngine ENGINE = engine();

  private static DmnEngine engine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(DecisionTablesTest::record));
    return configuration.buildEngine();
  }

  private static void record(DmnDecisionEvaluationEvent event) {
    EVALUATED.add(event.getDecisionResult());
    EVALUATED.addAll(event.getRequiredDecisionResults());
  }

  @Test
  void changeRiskGivesRiskRouteAndWindowForEachOfItsTenRules() {
    risk("emergency", 3, false, false, "Rule_Emergency", "high", "expedited", 60);
    risk("normal", 1, false, true, "Rule_Tier1Migration", "high", "cab", 60);
    risk("standard", 2, true, false, "Rule_TestsFailed", "high", "cab", 60);
    risk("standard", 3, false, false, "Rule_StandardLowTier", "low", "auto", 15);
    risk("standard", 1, false, false, "Rule_StandardTier1", "medium", "peer", 30);
    risk("standard", 2, false, true, "Rule_StandardMigration", "medium", "peer", 30);
    risk("normal", 1, false, false, "Rule_NormalTier1", "high", "cab", 60);
    risk("normal", 2, false, true, "Rule_NormalTier2", "medium", "peer", 30);
    risk("normal", 3, false, false, "Rule_NormalTier3", "low", "peer", 20);
    risk("normal", null, false, false, "Rule_Otherwise", "high", "cab", 60);
    assertThat(HIT.get("change-risk")).hasSize(10);
  }

  private void risk(String type, Integer tier, boolean testsFailed, boolean migration, String rule, String risk,
      String route, int minutes) {
    Map<String, Object> in = new HashMap<>();
    in.put("changeType", type);
    in.put("serviceTier", tier);
    in.put("testsFailed", testsFailed);
    in.put("hasDbMigration", migration);
    assertThat(evaluate("change-risk.dmn", "change-risk", in, rule).getSingleResult().getEntryMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("risk", risk, "approvalRoute", route, "verificationMinutes", minutes));
  }

  @Test
  void alertImpactComesFromTheServiceTier() {
    impact(1, "Rule_Tier1", "high");
    impact(2, "Rule_Tier2", "medium");
    impact(3, "Rule_Tier3", "low");
    impact(null, "Rule_TierUnknown", "medium");
  }

  private void impact(Integer tier, String rule, String impact) {
    Map<String, Object> in = new HashMap<>();
    in.put("serviceTier", tier);
    assertThat(single("alert-classification.dmn", "alert-impact", in, rule)).isEqualTo(impact);
  }

  @Test
  void alertUrgencyComesFromTheSeverityLabel() {
    urgency("critical", "Rule_SeverityHigh", "high");
    urgency("warning", "Rule_SeverityMedium", "medium");
    urgency("info", "Rule_SeverityLow", "low");
    urgency("whatever", "Rule_SeverityOther", "medium");
  }

  private void urgency(String severity, String rule, String urgency) {
    assertThat(single("alert-classification.dmn", "alert-urgency", Map.of("severity", severity), rule)).isEqualTo(urgency);
  }

  @Test
  void incidentPriorityFollowsTheMatrixUnlessOverridden() {
    String[][] matrix = {
        {"high", "high", "Rule_HighHigh", "P1"}, {"high", "medium", "Rule_HighMedium", "P2"},
        {"medium", "high", "Rule_MediumHigh", "P2"}, {"high", "low", "Rule_HighLow", "P3"},
        {"medium", "medium", "Rule_MediumMedium", "P3"}, {"low", "high", "Rule_LowHigh", "P3"},
        {"medium", "low", "Rule_MediumLow", "P4"}, {"low", "medium", "Rule_LowMedium", "P4"},
        {"low", "low", "Rule_LowLow", "P4"}};
    for (String[] row : matrix) {
      Map<String, Object> in = new HashMap<>();
      in.put("impact", row[0]);
      in.put("urgency", row[1]);
      in.put("priorityOverride", null);
      in.put("serviceLifecycle", "live");
      String sla = "Rule_" + row[3];
      Object priority = evaluate("incident-priority.dmn", "incident-priority", in, row[2], "Rule_OtherLifecycle", sla)
          .getSingleResult().getEntry("priority");
      assertThat(priority).isEqualTo(row[3]);
    }
    priority("P1", "Rule_P1", 5, 60);
    priority("P2", "Rule_P2", 15, 240);
    priority("P3", "Rule_P3", 60, 1440);
    priority("P4", "Rule_P4", 240, 4320);
  }

  /**
   * An override wins over the matrix (which says P4 here), also on a service in its launch (which
   * would make it P3): the person chose it. It sets the SLA targets.
   */
  private void priority(String override, String rule, int ackMinutes, int resolveMinutes) {
    Map<String, Object> in = Map.of("impact", "low", "urgency", "low", "priorityOverride", override,
        "serviceLifecycle", "launching");
    assertThat(evaluate("incident-priority.dmn", "incident-priority", in, "Rule_LowLow", "Rule_LaunchingP4", rule)
        .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(
            Map.of("priority", override, "ackSlaMinutes", ackMinutes, "resolveSlaMinutes", resolveMinutes));
  }

  @Test
  void anIncidentOnALaunchingServiceIsRaisedOneLevelAndP1Stays() {
    launching("high", "high", "Rule_HighHigh", "Rule_LaunchingP1", "P1");
    launching("high", "medium", "Rule_HighMedium", "Rule_LaunchingP1", "P1");
    launching("medium", "medium", "Rule_MediumMedium", "Rule_LaunchingP3", "P2");
    launching("low", "low", "Rule_LowLow", "Rule_LaunchingP4", "P3");
    for (String state : new String[] {"planned", "live", "deprecated", "retired", null}) {
      Map<String, Object> in = new HashMap<>();
      in.put("impact", "medium");
      in.put("urgency", "medium");
      in.put("priorityOverride", null);
      in.put("serviceLifecycle", state);
      assertThat((Object) evaluate("incident-priority.dmn", "incident-priority", in, "Rule_MediumMedium", "Rule_OtherLifecycle",
          "Rule_P3").getSingleResult().getEntry("priority")).as("on a %s service", state).isEqualTo("P3");
    }
  }

  private void launching(String impact, String urgency, String matrixRule, String lifecycleRule, String priority) {
    Map<String, Object> in = new HashMap<>();
    in.put("impact", impact);
    in.put("urgency", urgency);
    in.put("priorityOverride", null);
    in.put("serviceLifecycle", "launching");
    assertThat((Object) evaluate("incident-priority.dmn", "incident-priority", in, matrixRule, lifecycleRule, "Rule_" + priority)
        .getSingleResult().getEntry("priority")).isEqualTo(priority);
  }

  @Test
  void alertsOfARetiredServiceAreIgnoredWithTheReasonAndAllOthersTakenIn() {
    Map<String, Object> retired = Map.of("serviceLifecycle", "retired");
    assertThat(evaluate("alert-classification.dmn", "alert-admission", retired, "Rule_AlertServiceRetired")
        .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(
            Map.of("accepted", false, "ignoredReason", "service retired"));
    for (String state : new String[] {"planned", "launching", "live", "deprecated", null}) {
      Map<String, Object> in = new HashMap<>();
      in.put("serviceLifecycle", state);
      assertThat((Object) evaluate("alert-classification.dmn", "alert-admission", in, "Rule_AlertServiceOther")
          .getSingleResult().getEntry("accepted")).as("on a %s service", state).isEqualTo(true);
    }
  }

  @Test
  void aRetiredServiceTakesNoChangeAndEveryOtherStateDoes() {
    DmnDecisionResult retired = evaluate("change-risk.dmn", "change-admission", Map.of("serviceLifecycle", "retired"),
        "Rule_ChangeServiceRetired");
    assertThat((Object) retired.getSingleResult().getEntry("allowed")).isEqualTo(false);
    assertThat((String) retired.getSingleResult().getEntry("refusal")).contains("retired");
    for (String state : new String[] {"planned", "launching", "live", "deprecated"}) {
      assertThat((Object) evaluate("change-risk.dmn", "change-admission", Map.of("serviceLifecycle", state),
          "Rule_ChangeServiceOther").getSingleResult().getEntry("allowed")).as("on a %s service", state).isEqualTo(true);
    }
  }

  @Test
  void emergencyPlanFollowsTheCategory() {
    plan("database", "Rule_Database", "emergency-plan-database-failure");
    plan("security", "Rule_Security", "emergency-plan-security-incident");
    plan("performance", "Rule_Outage", "emergency-plan-service-outage");
  }

  @Test
  void noEmergencyPlanIsSelectedForARetiredServiceAndEveryOtherLifecycleSelectsAsBefore() {
    Map<String, Object> retired = new HashMap<>(Map.of("service", "payments-api", "category", "database",
        "serviceLifecycle", "retired"));
    assertThat(single("emergency-plan-selection.dmn", "emergency-plan-selection", retired, "Rule_ServiceRetired"))
        .isNull();
    for (String state : new String[] {"planned", "launching", "live", "deprecated"}) {
      assertThat(single("emergency-plan-selection.dmn", "emergency-plan-selection", Map.of("service", "payments-api",
          "category", "outage", "serviceLifecycle", state), "Rule_Outage")).as("on a %s service", state)
          .isEqualTo("emergency-plan-service-outage");
    }
  }

  private void plan(String category, String rule, String planKey) {
    assertThat(single("emergency-plan-selection.dmn", "emergency-plan-selection",
        Map.of("service", "payments-api", "category", category), rule)).isEqualTo(planKey);
  }

  @Test
  void eachApprovalRouteSaysWhetherPeopleApproveAndQaConfirms() {
    route("auto", "Rule_Auto", false, false);
    route("peer", "Rule_Peer", true, true);
    route("expedited", "Rule_Expedited", true, false);
    route("cab", "Rule_Cab", true, true);
    route("board", "Rule_UnknownRoute", true, true);
  }

  private void route(String route, String rule, boolean needsApproval, boolean needsQaConfirmation) {
    assertThat(evaluate("approval-route.dmn", "approval-route", Map.of("approvalRoute", route), rule)
        .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(
            Map.of("needsApproval", needsApproval, "needsQaConfirmation", needsQaConfirmation));
  }

  @Test
  void eachApprovalRouteNamesItsApprovers() {
    approvers("auto", List.of());
    approvers("peer", List.of("ops", "dev", "qa"), "Rule_Ops", "Rule_Dev", "Rule_Qa");
    approvers("cab", List.of("ops", "dev", "qa", "manager"), "Rule_Ops", "Rule_Dev", "Rule_Qa", "Rule_Manager");
    approvers("expedited", List.of("manager"), "Rule_Manager");
    approvers("board", List.of("ops", "dev", "qa", "manager"), "Rule_Ops", "Rule_Dev", "Rule_Qa", "Rule_Manager");
  }

  private void approvers(String route, List<String> groups, String... rules) {
    DmnDecisionResult result = evaluate("approval-route.dmn", "approval-route-approvers", Map.of("approvalRoute", route), rules);
    assertThat(result.<String>collectEntries("approverGroup")).containsExactlyElementsOf(groups);
  }

  @Test
  void anIncidentIsMajorWhenDeclaredOrP1() {
    major(true, "P3", "Rule_Declared", true);
    major(false, "P1", "Rule_P1", true);
    major(false, "P2", "Rule_NotMajor", false);
  }

  private void major(boolean declared, String priority, String rule, boolean major) {
    assertThat(single("incident-major.dmn", "incident-major", Map.of("declaredMajor", declared, "priority", priority), rule))
        .isEqualTo(major);
  }

  /** Each process passes only its own variables: an incident has no route or outcome, a change no priority. */
  @Test
  void aRetrospectiveIsDueForSevereIncidentsAndReviewedOrFailedChanges() {
    retrospective(Map.of("priority", "P2"), "Rule_SevereIncident", true);
    retrospective(Map.of("approvalRoute", "expedited", "outcome", "succeeded"), "Rule_ReviewedRoute", true);
    retrospective(Map.of("approvalRoute", "peer", "outcome", "rolled-back"), "Rule_ChangeWentWrong", true);
    retrospective(Map.of("priority", "P3"), "Rule_NoRetrospective", false);
    retrospective(Map.of("approvalRoute", "auto", "outcome", "succeeded"), "Rule_NoRetrospective", false);
  }

  @Test
  void aNegativeSpikeNeedsTheMinimumVolumeAndThreeTimesTheBaselineOrNoBaseline() {
    spike(4, 0.0, null, "Rule_BelowMinimum", false);
    spike(5, 0.0, null, "Rule_NoBaseline", true);
    spike(9, 3.0, 3.0, "Rule_ThreeTimesBaseline", true);
    spike(8, 3.0, 8 / 3.0, "Rule_Usual", false);
    assertThat(HIT.get("feedback-spike")).hasSize(4);
  }

  private void spike(int count, double baseline, Double ratio, String rule, boolean spike) {
    Map<String, Object> in = new HashMap<>();
    in.put("negativeCount", count);
    in.put("baselineHourly", baseline);
    in.put("ratio", ratio);
    Map<String, Object> out = evaluate("feedback-spike.dmn", "feedback-spike", in, rule).getSingleResult().getEntryMap();
    assertThat(out.get("spike")).isEqualTo(spike);
    assertThat((String) out.get("reason")).isNotBlank();
  }

  private void retrospective(Map<String, Object> in, String rule, boolean due) {
    assertThat(single("retrospective-needed.dmn", "retrospective-needed", in, rule)).isEqualTo(due);
  }

  /** Runs last: a rule (or a table) that no case above reaches fails here. */
  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleOfEveryTableIsHit() throws IOException {
    Map<String, Set<String>> rules = new HashMap<>();
    for (Path file : dmnFiles()) {
      for (DmnDecision decision : parse(file)) {
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
          rules.put(decision.getKey(), ids(table.getRules()));
        }
      }
    }
    assertThat(rules).containsKeys("change-risk", "change-admission", "alert-impact", "alert-urgency",
        "alert-admission", "incident-priority-matrix", "incident-priority-lifecycle", "incident-priority", "emergency-plan-selection", "approval-route", "approval-route-approvers",
        "incident-major", "retrospective-needed");
    assertThat(HIT).as("decision tables with a case").containsOnlyKeys(rules.keySet());
    rules.forEach((decision, ids) -> assertThat(HIT.get(decision)).as("rules of %s hit", decision).isEqualTo(ids));
  }

  private static Set<String> ids(List<DmnDecisionTableRuleImpl> rules) {
    Set<String> ids = new LinkedHashSet<>();
    rules.forEach(rule -> ids.add(rule.getId()));
    return ids;
  }

  private static Object single(String file, String decision, Map<String, Object> in, String rule) {
    return evaluate(file, decision, in, rule).getSingleEntry();
  }

  /**
   * Evaluates a decision and asserts the rules that matched, in the order of the decisions
   * evaluated (a required decision first), then the rules of the decision asked.
   */
  private static DmnDecisionResult evaluate(String file, String decisionKey, Map<String, Object> in, String... rules) {
    EVALUATED.clear();
    DmnDecision decision = parse(PROCESSES.resolve(file)).stream()
        .filter(d -> d.getKey().equals(decisionKey)).findFirst().orElseThrow();
    DmnDecisionResult result = ENGINE.evaluateDecision(decision, new HashMap<>(in));
    List<String> matched = new ArrayList<>();
    for (DmnDecisionLogicEvaluationEvent event : EVALUATED) {
      if (event instanceof DmnDecisionTableEvaluationEvent table) {
        for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
          matched.add(rule.getId());
          HIT.computeIfAbsent(event.getDecision().getKey(), key -> new LinkedHashSet<>()).add(rule.getId());
        }
      }
    }
    assertThat(matched).as("rules matched by %s for %s", decisionKey, in).containsExactlyInAnyOrder(rules);
    return result;
  }

  private static List<DmnDecision> parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return ENGINE.parseDecisions(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> dmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList();
    }
  }
}
