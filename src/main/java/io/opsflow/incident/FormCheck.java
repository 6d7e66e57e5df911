package io.opsflow.incident;

import java.util.ArrayList;
import java.util.List;

import io.opsflow.platform.InvalidTaskInput;

/**
 * Server-side validation of what a Tasklist form submitted: forms validate in the browser only.
 * A refusal completes nothing; Camunda answers 400 with the message.
 */
final class FormCheck {

  private final String what;
  private final List<String> problems = new ArrayList<>();

  private FormCheck(String what) {
    this.what = what;
  }

  static FormCheck of(String what) {
    return new FormCheck(what);
  }

  FormCheck require(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
    return this;
  }

  void orRefuse() {
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput(what, problems);
    }
  }

  /** Reads a variable that must be text, turning a wrong type into a refusal instead of a crash. */
  static String text(org.camunda.bpm.engine.delegate.VariableScope scope, String name, FormCheck check) {
    try {
      return IncidentVariables.string(scope, name);
    } catch (IllegalArgumentException wrongType) {
      check.problems.add(wrongType.getMessage());
      return null;
    }
  }

  static Boolean flag(org.camunda.bpm.engine.delegate.VariableScope scope, String name, FormCheck check) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    check.problems.add(name + " must be true or false");
    return null;
  }
}
