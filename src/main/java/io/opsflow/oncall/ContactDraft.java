package io.opsflow.oncall;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to reach a person, beyond the Camunda profile. Every field is optional; a {@code PUT} replaces
 * all of them, so a field left out is cleared.
 */
public record ContactDraft(
    @Email(regexp = "[^\\s]+@[^\\s]+\\.[^\\s]+", message = "must be an e-mail address such as li.lei@example.com")
    @Size(max = 254) String email,
    @Pattern(regexp = "\\+?[0-9]{5,15}", message = "must be 5-15 digits with an optional leading +, e.g. +8613800138000")
    String mobile,
    @Pattern(regexp = CHAT_ID, message = CHAT_ID_RULE) String dingtalkUserId,
    @Pattern(regexp = CHAT_ID, message = CHAT_ID_RULE) String wecomUserId,
    @Pattern(regexp = CHAT_ID, message = CHAT_ID_RULE) String feishuUserId) {

  static final String CHAT_ID = "[A-Za-z0-9._@-]{1,64}";
  static final String CHAT_ID_RULE = "must be 1-64 letters, digits, '.', '_', '@' or '-'";
}
