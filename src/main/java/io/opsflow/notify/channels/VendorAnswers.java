package io.opsflow.notify.channels;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Judges the answer of a chat vendor that puts its verdict in a JSON result code (DingTalk and
 * WeCom {@code errcode}, Feishu {@code code}) rather than in the HTTP status.
 */
final class VendorAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VendorAnswers() {
  }

  /**
   * Delivered only for a 2xx whose code is 0. A non-zero code is retryable when it is one of the
   * vendor's "busy / too fast" codes (or the status says so); an answer without a code is judged
   * by its status, except a 2xx that cannot be a vendor answer (a proxy's page): not delivered,
   * and retrying will not change it.
   */
  static Delivery judge(String vendor, int status, String answer, List<String> codeFields, Set<Integer> retryableCodes) {
    Integer code = codeFields.stream().map(name -> field(answer, name)).filter(node -> node != null && node.canConvertToInt())
        .map(JsonNode::asInt).findFirst().orElse(null);
    if (code == null) {
      return status / 100 == 2 ? Delivery.failed(status, VendorHttp.cut("not a " + vendor + " answer: " + answer), false)
          : VendorHttp.byStatus(status, answer);
    }
    if (code == 0 && status / 100 == 2) {
      return Delivery.delivered(status, VendorHttp.cut(answer));
    }
    return Delivery.failed(status, VendorHttp.cut(answer), retryableCodes.contains(code) || VendorHttp.isRetryableStatus(status));
  }

  /** The top-level field, or null when the answer is not a JSON object or lacks it. */
  static JsonNode field(String answer, String name) {
    try {
      JsonNode node = JSON.readTree(answer);
      return node != null && node.isObject() && node.hasNonNull(name) ? node.get(name) : null;
    } catch (Exception notJson) {
      return null;
    }
  }
}
