package io.opsflow.notify.channels;

/**
 * Where one channel delivers: the vendor URL (or, for e-mail, the comma-separated addresses) and
 * the decrypted secret, if the channel has one. Never logged, never returned by the API.
 */
public record ChannelTarget(ChannelKind kind, String target, String secret) {

  public boolean hasSecret() {
    return secret != null && !secret.isEmpty();
  }

  @Override
  public String toString() {
    return "ChannelTarget[" + kind.code() + " " + target + (hasSecret() ? ", secret" : "") + "]";
  }
}
