package io.opsflow.feedback;

import java.time.Instant;
import java.util.List;

/**
 * How users feel about a service over a period, in all and per group.
 *
 * @param total the whole period
 * @param groups per day, version or channel, in key order
 */
public record Insights(String service, Instant from, Instant to, GroupBy groupBy, Figures total, List<Figures> groups) {

  /**
   * @param key the day ({@code 2026-11-27}), version ({@code ""} for none) or channel; {@code all} for the total
   * @param averageScore -1 … 1, null without items
   * @param negativeShare negative items / all items, 0 … 1
   * @param averageRating 1 … 5, null when no item had a rating
   * @param topComplaints the terms most often in negative items, most frequent first (10 in all, 5 a group)
   */
  public record Figures(String key, long volume, Double averageScore, double negativeShare, Double averageRating,
      List<TermCount> topComplaints) {
  }

  public record TermCount(String term, long count) {
  }
}
