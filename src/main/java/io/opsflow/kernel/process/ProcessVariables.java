package io.opsflow.kernel.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Lenient reads of process variables in the steps: anything but non-blank text reads as null. */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }
}
