package io.opsflow.feedback.analysis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional LLM analyser ({@code opsflow.feedback.llm.*}): an OpenAI-compatible chat endpoint,
 * usually a self-hosted Qwen or Llama behind vLLM or Ollama. Off unless {@code enabled}.
 *
 * @param baseUrl the server without {@code /v1/...}, e.g. {@code http://llm.internal:8000}
 * @param model the model name the server knows, e.g. {@code qwen2.5:7b-instruct}
 * @param apiKey sent as {@code Authorization: Bearer}; blank sends none (vLLM and Ollama need none by default)
 * @param timeout the most one item may wait for its answer before the built-in analyser answers instead
 */
@ConfigurationProperties("opsflow.feedback.llm")
public record LlmSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout) {

  public LlmSettings {
    timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    if (enabled && (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank())) {
      throw new IllegalArgumentException("opsflow.feedback.llm.enabled=true needs opsflow.feedback.llm.base-url and"
          + " opsflow.feedback.llm.model (the chat endpoint is {base-url}/v1/chat/completions)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("opsflow.feedback.llm.timeout must be positive, e.g. 5s");
    }
  }
}
