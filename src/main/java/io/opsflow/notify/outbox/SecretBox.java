package io.opsflow.notify.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;


import io.opsflow.kernel.engine.UnsafeConfigurationException;
import io.opsflow.kernel.domain.Refusal;

/**
 * Seals channel targets and secrets at rest with AES-256-GCM: a random 96-bit nonce per value, the
 * 128-bit tag detects any change, and the purpose ({@code target}, {@code secret}) is bound in as
 * associated data so a sealed secret cannot be moved into the target column. Sealed text is
 * {@code v1:<base64(nonce | ciphertext | tag)>}. The key is {@code opsflow.secret-key}
 * ({@code OPSFLOW_SECRET_KEY}): the Base64 of 32 random bytes ({@code openssl rand -base64 32}).
 */
public final class SecretBox {

  static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(SecretKeySpec key) {
    this.key = key;
  }

  /** A box for the configured key; a blank key gives a box that refuses to seal (see {@link #isConfigured}). */
  public static SecretBox of(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      return new SecretBox(null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != 32) {
      throw new UnsafeConfigurationException("opsflow.secret-key (OPSFLOW_SECRET_KEY) is not the Base64 of 32 bytes.",
          "Generate a key with `openssl rand -base64 32` and set OPSFLOW_SECRET_KEY to it. Keep it: channels"
              + " sealed with another key cannot be read.");
    }
    return new SecretBox(new SecretKeySpec(bytes, "AES"));
  }

  public boolean isConfigured() {
    return key != null;
  }

  /** Seals a value for one purpose; refuses (503) when no key is configured. */
  public String seal(String plain, String purpose) {
    requireKey();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens a sealed value.
   *
   * @throws SealBroken when the value was changed, sealed for another purpose or with another key
   */
  public String open(String sealed, String purpose) {
    requireKey();
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new SealBroken("not a sealed value");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
      if (in.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new SealBroken("sealed value too short");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SealBroken("the sealed " + purpose + " cannot be opened with OPSFLOW_SECRET_KEY: it was changed, or"
          + " sealed with another key");
    }
  }

  private void requireKey() {
    if (key == null) {
      throw Refusal.conflict("No secret key is configured, so channel targets and"
          + " secrets cannot be stored encrypted. Set OPSFLOW_SECRET_KEY (opsflow.secret-key) to the output of"
          + " `openssl rand -base64 32` and restart OpsFlow.");
    }
  }

  /** A sealed value that does not open: tampered, or the key changed. */
  public static final class SealBroken extends RuntimeException {

    SealBroken(String message) {
      super(message);
    }
  }
}
