package io.opsflow.kernel.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.kernel.text.Language;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Reader;
import io.opsflow.kernel.text.StorableTime;

/**
 * Server-side validation of what a Tasklist form submitted: forms validate in the browser only.
 * A refusal ({@link InvalidTaskInput}) completes nothing; the API answers 400 with the message, and
 * Tasklist shows it. A check made {@link #in} a reader's language says everything in it: the module's
 * problems from its phrases ({@link #requireThat}), the checks' own from {@code texts/kernel_*.properties}.
 */
public final class FormCheck {

  private static final Phrases KERNEL = Phrases.of("kernel");
  private static final Reader ENGLISH = new Reader(Language.EN, ZoneOffset.UTC);

  private final Reader reader;
  private final Phrases phrases;
  private final String action;
  private final List<String> problems = new ArrayList<>();

  private FormCheck(Reader reader, Phrases phrases, String action) {
    this.reader = reader;
    this.phrases = phrases;
    this.action = action;
  }

  /** A check that speaks English. @param action what the person tried, e.g. "complete the triage" */
  public static FormCheck of(String action) {
    return new FormCheck(ENGLISH, KERNEL, action);
  }

  /**
   * A check that speaks the reader's language (on a Tasklist form, the installation's).
   *
   * @param actionKey the key in the module's phrases of what the person tried, e.g. "form.triage"
   */
  public static FormCheck in(Reader reader, Phrases phrases, String actionKey) {
    return new FormCheck(reader, phrases, phrases.say(reader, actionKey));
  }

  public FormCheck require(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
    return this;
  }

  /** As {@link #require}, the problem the module's phrase under {@code key} ({@link Phrases#say}). */
  public FormCheck requireThat(boolean condition, String key, Object... namesAndValues) {
    if (!condition) {
      problems.add(phrases.say(reader, key, namesAndValues));
    }
    return this;
  }

  public void orRefuse() {
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput(problems, KERNEL.say(reader, "form.refused", "action", action,
          "problems", String.join(reader.say("; ", "；"), problems)));
    }
  }

  private void problem(String key, String name, Object... namesAndValues) {
    Object[] all = new Object[namesAndValues.length + 2];
    all[0] = "name";
    all[1] = name;
    System.arraycopy(namesAndValues, 0, all, 2, namesAndValues.length);
    problems.add(KERNEL.say(reader, key, all));
  }

  /** Reads a text variable; blank is null, and a value of another type is a problem, not a crash. */
  public String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problem("form.text", name);
      return null;
    }
    return text.isBlank() ? null : text.strip();
  }

  /** As {@link #text(VariableScope, String)}, and longer than {@code max} characters is a problem. */
  public String text(VariableScope scope, String name, int max) {
    String text = text(scope, name);
    if (text != null && text.length() > max) {
      problem("form.max", name, "max", max);
    }
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
        problem("form.moment", name);
        return null;
      }
    }
    if (!StorableTime.storable(moment)) {
      problem("form.range", name, "earliest", StorableTime.EARLIEST.toString(), "latest", StorableTime.LATEST.toString());
      return null;
    }
    return moment;
  }

  /** As {@link #moment}, and a missing value is a problem too. */
  public Instant requiredMoment(VariableScope scope, String name) {
    int before = problems.size();
    Instant moment = moment(scope, name);
    if (moment == null && problems.size() == before) {
      problem("form.required", name);
    }
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
    problem("form.flag", name);
    return null;
  }
}
