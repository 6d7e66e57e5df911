package io.opsflow.kernel.process;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Evaluates OpsFlow's DMN decisions from Java. Rules belong to the system, not to the person whose
 * request happens to need them, so the evaluation runs without that person's Camunda
 * authorizations (for example inside a task listener running for the person completing a task).
 */
@Component
public class Decisions {

  private final DecisionService decisionService;

  Decisions(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** The one result of a decision whose rules always produce exactly one. */
  public Map<String, Object> single(String decisionKey, Map<String, Object> variables) {
    DmnDecisionResult result = WithoutAuthorization.call(() -> evaluate(decisionKey, variables));
    if (result.getSingleResult() == null) {
      throw new IllegalStateException("Decision " + decisionKey + " has no rule for " + variables);
    }
    return result.getSingleResult().getEntryMap();
  }

  private DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
    return decisionService.evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
  }
}
