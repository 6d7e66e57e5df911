package io.opsflow.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.feedback.analysis.LlmAnalyzer;
import io.opsflow.feedback.analysis.LlmSettings;
import io.opsflow.feedback.analysis.SentimentAnalyzer;
import io.opsflow.feedback.analysis.TextAnalyzer;
import io.opsflow.feedback.analysis.UserRefHash;

@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FeedbackConfiguration.class);

  /**
   * The built-in analyser, loaded once at start (HanLP's dictionaries take a moment) and shared by all
   * threads; with {@code opsflow.feedback.llm.enabled} the LLM analyser in front of it, which falls back to it.
   */
  @Bean
  TextAnalyzer textAnalyzer(LlmSettings llm, MeterRegistry meters, ObjectMapper json) {
    SentimentAnalyzer builtIn = SentimentAnalyzer.load();
    if (!llm.enabled()) {
      return builtIn;
    }
    log.info("Feedback sentiment and topics by {} at {} (time limit {}), the built-in analyser as fallback",
        llm.model(), llm.baseUrl(), llm.timeout());
    return new LlmAnalyzer(llm, builtIn, meters, json);
  }

  @Bean
  UserRefHash userRefHash(@Value("${opsflow.feedback.hash-key:}") String key) {
    UserRefHash hash = UserRefHash.of(key);
    if (!hash.isConfigured()) {
      log.warn("opsflow.feedback.hash-key (OPSFLOW_FEEDBACK_HASH_KEY) is not set: feedback is recorded without its"
          + " userRef. Set it to the output of `openssl rand -base64 32` to keep a keyed hash of each user.");
    }
    return hash;
  }
}
