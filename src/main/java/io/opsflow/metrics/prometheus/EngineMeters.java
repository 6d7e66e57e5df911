package io.opsflow.metrics.prometheus;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Camunda's engine metrics as Prometheus counters. The engine keeps its metrics in its own registry
 * and every reporting interval (15 minutes) moves them to the database and starts again from zero,
 * so the counters cannot be read from it; instead every occurrence the engine marks is also counted
 * here, as it happens, on this node. Activity and root process instance starts and decision
 * evaluations are the figures Camunda licenses by; job acquisition and execution show whether the
 * job executor keeps up.
 */
@Component
class EngineMeters extends AbstractProcessEnginePlugin {

  private final Map<String, Counter> bridged = new LinkedHashMap<>();

  EngineMeters(MeterRegistry meters) {
    bridge(meters, Metrics.ACTIVTY_INSTANCE_START, "opsflow.engine.activity.instances.started",
        "Activity instances the engine started (each BPMN step a token enters)");
    bridge(meters, Metrics.ROOT_PROCESS_INSTANCE_START, "opsflow.engine.process.instances.started",
        "Root process instances started (incidents, changes, plans, retrospectives, drills)");
    bridge(meters, Metrics.EXECUTED_DECISION_INSTANCES, "opsflow.engine.decision.instances.evaluated",
        "DMN decisions evaluated");
    bridge(meters, Metrics.EXECUTED_DECISION_ELEMENTS, "opsflow.engine.decision.elements.evaluated",
        "DMN decision elements evaluated (rules times inputs)");
    bridge(meters, Metrics.JOB_ACQUISITION_ATTEMPT, "opsflow.engine.job.acquisition.attempts",
        "Times the job executor looked for due jobs");
    bridge(meters, Metrics.JOB_ACQUIRED_SUCCESS, "opsflow.engine.jobs.acquired",
        "Jobs the job executor acquired: locked, or lost to another node (lock-failed)", "result", "locked");
    bridge(meters, Metrics.JOB_ACQUIRED_FAILURE, "opsflow.engine.jobs.acquired",
        "Jobs the job executor acquired: locked, or lost to another node (lock-failed)", "result", "lock-failed");
    bridge(meters, Metrics.JOB_EXECUTION_REJECTED, "opsflow.engine.jobs.rejected",
        "Acquired jobs the job executor's queue had no room for (they are acquired again later)");
    bridge(meters, Metrics.JOB_SUCCESSFUL, "opsflow.engine.jobs.executed",
        "Job executions, by result: success, or failure (the engine retries, then opens a Camunda incident)",
        "result", "success");
    bridge(meters, Metrics.JOB_FAILED, "opsflow.engine.jobs.executed",
        "Job executions, by result: success, or failure (the engine retries, then opens a Camunda incident)",
        "result", "failure");
  }

  private void bridge(MeterRegistry meters, String engineName, String name, String description, String... tags) {
    bridged.put(engineName, Counter.builder(name).description(description).tags(tags).register(meters));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new CountingRegistry(bridged));
  }

  /** The engine's registry, which also counts the bridged occurrences in Micrometer. */
  static class CountingRegistry extends MetricsRegistry {

    private final Map<String, Counter> bridged;

    CountingRegistry(Map<String, Counter> bridged) {
      this.bridged = bridged;
    }

    @Override
    public void markOccurrence(String name, long times) {
      super.markOccurrence(name, times);
      Counter counter = bridged.get(name);
      if (counter != null) {
        counter.increment(times);
      }
    }
  }
}
