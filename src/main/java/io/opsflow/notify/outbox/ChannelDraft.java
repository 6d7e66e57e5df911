package io.opsflow.notify.outbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a manager sends to create or change a notification channel.
 *
 * @param kind {@code email}, {@code dingtalk}, {@code wecom}, {@code feishu}, {@code slack} or {@code webhook}
 * @param target the vendor's webhook URL, or comma-separated e-mail addresses
 * @param secret the signing secret, when the kind uses one; on {@code PUT} leaving it out keeps the
 *     stored one and {@code ""} removes it
 * @param language {@code zh-CN} or {@code en}; the installation's ({@code opsflow.language}) when left out
 */
public record ChannelDraft(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 20) String kind,
    @NotBlank @Size(max = 2000) String target,
    @Size(max = 500) String secret,
    @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language) {

  String languageOr(String installations) {
    return language == null ? installations : language;
  }
}
