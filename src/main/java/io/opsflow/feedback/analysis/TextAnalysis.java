package io.opsflow.feedback.analysis;

import java.util.List;

import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;

/**
 * What the built-in analyser finds in a (masked) text.
 *
 * @param score -1 (very negative) … 1 (very positive), three decimals
 * @param terms what the text is about: nouns, verbs and adjectives that are neither stop words nor
 *     sentiment words, at most {@value SentimentAnalyzer#MAX_TERMS}, in order of appearance
 */
public record TextAnalysis(Language language, Sentiment sentiment, double score, List<String> terms) {
}
