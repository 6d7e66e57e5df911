package io.opsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Alertmanager payloads as the real sender shapes them (src/test/resources/fixtures). Tests share
 * one database, so each use gives the fingerprints a suffix of its own.
 */
public final class Fixtures {

  public static final String PAYMENTS_FINGERPRINT = "c3a9f0e1b2d47a10";
  public static final String PORTAL_FINGERPRINT = "5d7e21aa09c3b6f4";
  public static final String UNKNOWN_FINGERPRINT = "0aa1b2c3d4e5f607";

  private Fixtures() {
  }

  public static String uniqueSuffix() {
    return "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The named fixture with every fingerprint followed by {@code suffix}. */
  public static String alertmanager(String name, String suffix) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/alertmanager/" + name + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.replaceAll("(\"fingerprint\": \"[0-9a-f]+)\"", "$1" + suffix + "\"");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
