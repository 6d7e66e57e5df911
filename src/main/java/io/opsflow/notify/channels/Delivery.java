package io.opsflow.notify.channels;

/**
 * What the vendor answered to one attempt: kept whole (up to a few KB) for the notification's
 * audit trail.
 *
 * @param status the HTTP status, or 250 for an SMTP server that took the mail; 0 when nothing
 *     answered (connection refused, time-out)
 * @param answer the vendor's answer body or error text
 * @param retryable whether trying again later can help (time-outs, 5xx, 429, vendor "busy" codes);
 *     false for answers that will not change (bad signature, 4xx, unknown key)
 */
public record Delivery(boolean delivered, int status, String answer, boolean retryable) {

  public static Delivery delivered(int status, String answer) {
    return new Delivery(true, status, answer, false);
  }

  public static Delivery failed(int status, String answer, boolean retryable) {
    return new Delivery(false, status, answer, retryable);
  }
}
