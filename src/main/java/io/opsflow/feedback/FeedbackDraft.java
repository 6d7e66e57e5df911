package io.opsflow.feedback;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One piece of feedback as a caller sends it. Checked by {@link FeedbackIntake}, item by item, so a
 * batch's refusal names the items at fault.
 *
 * @param text up to {@value FeedbackIntake#MAX_TEXT} characters (Unicode code points: an emoji counts
 *     one); stored with e-mail addresses, phone and ID-card numbers masked
 * @param externalId the item's id where it came from; the same channel and external id again is a repeat,
 *     recorded once
 * @param occurredAt ISO-8601 with offset, as every time OpsFlow reads
 * @param userRef who gave it, as the source knows them; stored only as a keyed hash
 */
public record FeedbackDraft(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "payments-api") String service,
    @Schema(example = "2.4.1") String version,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"in-app", "app-store", "support", "social",
        "survey", "other"}) Channel channel,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = FeedbackIntake.MAX_TEXT,
        example = "付款一直失败，太失望了") String text,
    @Schema(minimum = "1", maximum = "5") Integer rating,
    @Schema(description = "when the user gave it; default: when OpsFlow received it") OffsetDateTime occurredAt,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = FeedbackIntake.MAX_EXTERNAL_ID,
        example = "gp-review-8842") String externalId,
    @Schema(maxLength = FeedbackIntake.MAX_USER_REF) String userRef) {
}
