package io.opsflow.kernel.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.domain.Codes;

/**
 * The one way the steps of every process read process variables. Each read says by its name what
 * it does with a value of another type:
 * <ul>
 * <li>{@code strict…}: a variable OpsFlow's own steps, forms or decisions set; a value of another
 * type is a defect of a model or a step, so it fails the step ({@link IllegalStateException}: a
 * Cockpit incident, never silently a default).</li>
 * <li>{@code lenient…}: a variable that may come from elsewhere (a start over {@code /engine-rest}, a
 * Modeler-written model, a variable an older version wrote); anything unexpected reads as absent.</li>
 * </ul>
 * What people enter in a task form is checked by {@link FormCheck}, whose refusals are 400 problems
 * for the person, not failures of a step. Text is stripped and blank text is absent in both kinds.
 */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  /** Non-blank text, stripped; anything else (absent, blank, another type) is null. */
  public static String lenientText(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  /** True for {@code true} and the text "true"; anything else is false. */
  public static boolean lenientFlag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Text, stripped; absent or blank is null; another type fails the step. */
  public static String strictText(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw wrongType(name, "text", value);
    }
    return text.isBlank() ? null : text.strip();
  }

  /** True or false; absent is false; another type fails the step. */
  public static boolean strictFlag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean flag)) {
      throw wrongType(name, "true or false", value);
    }
    return flag;
  }

  /** A date-time the process holds (a Camunda {@code Date}); absent is null; another type fails the step. */
  public static Instant strictMoment(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Date date)) {
      throw wrongType(name, "a date", value);
    }
    return date.toInstant();
  }

  /**
   * A {@link Coded} value the process holds as its code (BPMN, DMN and forms compare it as text);
   * absent or blank is null; another type or an unknown code fails the step.
   */
  public static <E extends Enum<E> & Coded> E strictCode(VariableScope scope, String name, Class<E> type) {
    String code = strictText(scope, name);
    return code == null ? null : Codes.find(type, code)
        .orElseThrow(() -> wrongType(name, "one of " + Codes.list(type), code));
  }

  /** A {@link Coded} value by its code; anything else (absent, another type, an unknown code) is null. */
  public static <E extends Enum<E> & Coded> E lenientCode(VariableScope scope, String name, Class<E> type) {
    return Codes.find(type, lenientText(scope, name)).orElse(null);
  }

  /** A whole number that must be there; absent or another type fails the step. */
  public static int strictNumber(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Number number)) {
      throw wrongType(name, "a number", value);
    }
    return number.intValue();
  }

  /** The single result of a business rule task ({@code camunda:mapDecisionResult="singleResult"}). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> strictDecisionResult(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Map<?, ?> result)) {
      throw wrongType(name, "a decision result", value);
    }
    return (Map<String, Object>) result;
  }

  private static IllegalStateException wrongType(String name, String expected, Object value) {
    return new IllegalStateException("Process variable " + name + " must be " + expected + ", not "
        + (value == null ? "absent" : value.getClass().getSimpleName() + " " + value));
  }
}
