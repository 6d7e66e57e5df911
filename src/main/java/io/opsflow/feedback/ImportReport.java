package io.opsflow.feedback;

import java.util.List;

/**
 * What a CSV import did: the good rows are recorded (in one transaction), the bad ones refused and
 * listed; nothing of a refused row is stored.
 *
 * @param rows the data rows read (the header not counted)
 * @param recorded the good rows, in file order, repeats included ({@code repeat: true})
 * @param refused the bad rows, in file order
 */
public record ImportReport(int rows, List<Recorded> recorded, List<RefusedRow> refused) {

  /** @param row the row in the file, the header being row 1 */
  public record RefusedRow(int row, String externalId, List<String> errors) {
  }
}
