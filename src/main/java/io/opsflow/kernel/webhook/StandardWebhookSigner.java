package io.opsflow.kernel.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs an outgoing webhook as the Standard Webhooks specification (standardwebhooks.com) says,
 * so receivers can use any of its libraries and reject forged or replayed calls:
 * {@code webhook-id} (the same on every retry, to drop repeats), {@code webhook-timestamp} (Unix
 * seconds, to drop old calls) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}.
 * <p>
 * The key: a secret that starts with {@code whsec_} is the specification's own form, and the rest
 * is the Base64 of the key bytes (what its libraries generate); any other secret is used as its
 * UTF-8 bytes, so the secrets people already configured keep working. A receiver using a Standard
 * Webhooks library with such a plain secret passes {@code "whsec_" + base64(secret)}.
 */
public final class StandardWebhookSigner {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  public static final String SECRET_PREFIX = "whsec_";

  private StandardWebhookSigner() {
  }

  /** The three headers for one call, in the order the specification lists them. */
  public static Map<String, String> headers(String secret, String id, long timestampSeconds, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID_HEADER, id);
    headers.put(TIMESTAMP_HEADER, Long.toString(timestampSeconds));
    headers.put(SIGNATURE_HEADER, signature(secret, id, timestampSeconds, body));
    return headers;
  }

  /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. */
  public static String signature(String secret, String id, long timestampSeconds, String body) {
    String signed = id + "." + timestampSeconds + "." + body;
    return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(key(secret), signed.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The key bytes of a secret (see the class comment).
   *
   * @throws IllegalArgumentException for a {@code whsec_} secret whose rest is not Base64
   */
  public static byte[] key(String secret) {
    if (secret.startsWith(SECRET_PREFIX)) {
      try {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("A secret that starts with " + SECRET_PREFIX
            + " must go on with Base64 (the Standard Webhooks form); this one does not", e);
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
