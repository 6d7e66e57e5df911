package io.opsflow.kernel.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.kernel.text.StorableTime;

/**
 * Server-side validation of what a Tasklist form submitted: forms validate in the browser only.
 * A refusal ({@link InvalidTaskInput}) completes nothing; the API answers 400 with the message.
 */
public final class FormCheck {

  private final String action;
  private final List<String> problems = new ArrayList<>();

  private FormCheck(String action) {
    this.action = action;
  }

  /** @param action what the person tried, e.g. "complete the triage" */
  public static FormCheck of(String action) {
    return new FormCheck(action);
  }

  public FormCheck require(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
    return this;
  }

  public void orRefuse() {
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput(action, problems);
    }
  }

  /** Reads a text variable; blank is null, and a value of another type is a problem, not a crash. */
  public String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(name + " must be text");
      return null;
    }
    return text.isBlank() ? null : text.strip();
  }

  /** As {@link #text(VariableScope, String)}, and longer than {@code max} characters is a problem. */
  public String text(VariableScope scope, String name, int max) {
    String text = text(scope, name);
    require(text == null || text.length() <= max, name + " must be at most " + max + " characters");
    return text;
  }

  /**
   * Reads a point in time: a date, or text with an offset as Tasklist's fields send it
   * ({@code 2026-12-01T22:00Z}), that OpsFlow can store ({@link StorableTime}). Blank is null;
   * anything else is a problem.
   */
  public Instant moment(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    Instant moment;
    if (value instanceof Date date) {
      moment = date.toInstant();
    } else {
      String text = text(scope, name);
      if (text == null) {
        return null;
      }
      try {
        moment = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        problems.add(name + " must be a date and time with offset, e.g. 2026-12-01T22:00Z");
        return null;
      }
    }
    if (!StorableTime.storable(moment)) {
      problems.add(name + " must lie " + StorableTime.RANGE);
      return null;
    }
    return moment;
  }

  /** As {@link #moment}, and a missing value is a problem too. */
  public Instant requiredMoment(VariableScope scope, String name) {
    int before = problems.size();
    Instant moment = moment(scope, name);
    require(moment != null || problems.size() > before, name + " is required");
    return moment;
  }

  /**
   * Reads a true/false variable. Radio buttons in a form submit the text "true" or "false", which
   * counts too; anything else is a problem.
   */
  public Boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    problems.add(name + " must be true or false");
    return null;
  }
}
