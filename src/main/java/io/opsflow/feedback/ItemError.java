package io.opsflow.feedback;

/**
 * Why one item of a batch (or one row of a CSV import) was refused.
 *
 * @param index the item's place in the batch, from 0; for an import, the row (the header is row 1)
 */
public record ItemError(int index, String field, String message) {

  @Override
  public String toString() {
    return "item " + index + ": " + (field == null ? "" : field + " ") + message;
  }
}
