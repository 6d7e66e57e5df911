package io.opsflow.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.feedback.analysis.SentimentAnalyzer;
import io.opsflow.feedback.analysis.UserRefHash;

@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FeedbackConfiguration.class);

  /** Loaded once at start (HanLP's dictionaries take a moment), shared by all threads. */
  @Bean
  SentimentAnalyzer sentimentAnalyzer() {
    return SentimentAnalyzer.load();
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
