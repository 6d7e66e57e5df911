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
 */
public final class UserRefHash {

  private final SecretKeySpec key;

  private UserRefHash(SecretKeySpec key) {
    this.key = key;
  }

  /** Null for a blank key: then no user reference is stored at all. */
  public static UserRefHash of(String key) {
    return key == null || key.isBlank() ? null
        : new UserRefHash(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  public String hash(String userRef) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(userRef.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
