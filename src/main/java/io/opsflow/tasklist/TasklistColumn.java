package io.opsflow.tasklist;

import io.opsflow.kernel.text.Language;

/**
 * A process variable Tasklist shows next to each task in every OpsFlow filter (for example the
 * incident key), labelled in English and Chinese. Modules declare theirs as beans; a card shows
 * its first row without expanding, so the columns that say how urgent a task is come first
 * ({@code @Order} on the bean).
 */
public record TasklistColumn(String variable, String label, String chineseLabel) {

  /** The order of the columns that say how urgent a task is (priority, risk, the DRILL mark): first. */
  public static final int URGENCY = 0;

  /** A column labelled the same in both languages. */
  public TasklistColumn(String variable, String label) {
    this(variable, label, label);
  }

  String label(Language language) {
    return language.say(label, chineseLabel);
  }
}
