package io.opsflow.feedback;

/**
 * How users took a release (验证新版本对用户的吸引程度): the items that name its version against those of the
 * version before it, over all time, as a change's details and a retrospective show it.
 *
 * @param previous null when no version before it is known
 * @param difference this version's figures less the previous one's; null without a previous version
 */
public record ReleaseComparison(String service, Side current, Side previous, Difference difference) {

  /**
   * @param averageScore -1 … 1, null without items
   * @param negativeShare negative items / all items, 0 … 1
   * @param averageRating 1 … 5, null when no item had a rating
   */
  public record Side(String version, long volume, Double averageScore, double negativeShare, Double averageRating) {
  }

  /** Each figure is null when either side has none (no items, no ratings). */
  public record Difference(long volume, Double averageScore, Double negativeShare, Double averageRating) {
  }
}
