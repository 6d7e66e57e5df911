package io.opsflow.feedback.analysis;

/**
 * What intake asks of an analyser: the built-in {@link SentimentAnalyzer}, or the optional
 * {@link LlmAnalyzer} that falls back to it. Implementations are thread-safe and never throw for
 * a text they cannot read: they answer neutral instead.
 */
public interface TextAnalyzer {

  /** Language, sentiment, score and terms of a text that is already masked ({@link PrivacyMask}). */
  TextAnalysis analyze(String text);
}
