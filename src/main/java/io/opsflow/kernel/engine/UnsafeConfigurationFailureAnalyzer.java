package io.opsflow.kernel.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why OpsFlow refused to start, and what to do, instead of a stack trace. */
public class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
    return new FailureAnalysis("OpsFlow refused to start: " + cause.getMessage(), cause.action(), cause);
  }
}
