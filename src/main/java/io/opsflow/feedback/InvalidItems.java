package io.opsflow.feedback;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch refused because of some of its items: nothing of it was written. The API answers 400 with
 * the errors, each naming its item's index.
 */
public class InvalidItems extends RuntimeException {

  private final transient List<ItemError> errors;

  public InvalidItems(List<ItemError> errors) {
    super("Nothing was recorded; fix these items and send the batch again: "
        + errors.stream().map(ItemError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<ItemError> errors() {
    return errors;
  }

  /** The indexes of the refused items, each once, in order. */
  public List<Integer> indexes() {
    return errors.stream().map(ItemError::index).distinct().sorted().toList();
  }
}
