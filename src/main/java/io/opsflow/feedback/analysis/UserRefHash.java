package io.opsflow.feedback.analysis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A user reference as OpsFlow keeps it: HMAC-SHA256 under {@code opsflow.feedback.hash-key}, in hex.
 * The same user gives the same hash (so items of one user can be counted together), but without the
 * key nobody can test a guessed phone number or account id against it, as they could a plain hash.
 * Without a key no user reference is kept at all.
 */
public final class UserRefHash {

  /** Shorter keys are refused: HMAC-SHA256 wants at least its own output size. */
  public static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  private UserRefHash(SecretKeySpec key) {
    this.key = key;
  }

  /** A blank key gives a hash that keeps nothing ({@link #hash} answers null). */
  public static UserRefHash of(String key) {
    if (key == null || key.isBlank()) {
      return new UserRefHash(null);
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("opsflow.feedback.hash-key must be at least " + MIN_KEY_BYTES
          + " bytes, e.g. the output of `openssl rand -base64 32`");
    }
    return new UserRefHash(new SecretKeySpec(bytes, "HmacSHA256"));
  }

  public boolean isConfigured() {
    return key != null;
  }

  /** The keyed hash, or null when no key is configured. */
  public String hash(String userRef) {
    if (key == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(userRef.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
