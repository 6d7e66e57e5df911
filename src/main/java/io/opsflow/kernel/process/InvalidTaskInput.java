package io.opsflow.kernel.process;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a form submitted cannot be accepted: thrown by the listeners and delegates that check form
 * input again on the server. Nothing is completed or started. The engine wraps exceptions from
 * task listeners, so the web layer's {@code TaskInputProblemFilter} finds the {@link #MARKER} in Camunda's REST
 * answer and makes it a 400 with this message.
 */
public class InvalidTaskInput extends FormFieldValidationException {

  public static final String MARKER = "Invalid input: ";

  public InvalidTaskInput(String action, List<String> problems) {
    this(problems, "cannot " + action + ": " + String.join("; ", problems) + ".");
  }

  /**
   * @param sentence the whole refusal in the reader's language, ending in a full stop ({@code .} or
   *     {@code 。}), where the web layer cuts what the engine wrapped around it
   */
  public InvalidTaskInput(List<String> problems, String sentence) {
    super(List.copyOf(problems), MARKER + sentence);
  }
}
