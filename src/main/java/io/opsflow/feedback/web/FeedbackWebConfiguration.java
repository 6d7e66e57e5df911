package io.opsflow.feedback.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import io.opsflow.kernel.web.ApiBodyLimit;

/**
 * A batch of 1,000 reviews is larger than the general API body limit: up to
 * {@code opsflow.feedback.max-body-size} (8 MB) for it; a CSV import is bounded by Spring's multipart
 * limit ({@code spring.servlet.multipart.max-request-size}, 2 MB).
 */
@Configuration(proxyBeanMethods = false)
class FeedbackWebConfiguration {

  @Bean
  ApiBodyLimit feedbackBodyLimit(@Value("${opsflow.feedback.max-body-size:8MB}") DataSize limit) {
    return new ApiBodyLimit(FeedbackController.PATH, limit);
  }

  @Bean
  ApiBodyLimit feedbackImportBodyLimit(@Value("${spring.servlet.multipart.max-request-size:2MB}") DataSize limit) {
    return new ApiBodyLimit(FeedbackController.PATH + "/import", limit);
  }
}
