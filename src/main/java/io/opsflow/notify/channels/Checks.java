package io.opsflow.notify.channels;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;

/** The checks chat channels share, each with a message a person can act on. */
final class Checks {

  static final int URL_MAX = 2_000;

  private Checks() {
  }

  /** An absolute http(s) URL with a host: the vendor's, or a proxy's that forwards to it. */
  static URI httpUrl(ChannelTarget target) {
    String url = target.target();
    String vendor = target.kind().code();
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("A " + vendor + " channel needs its webhook URL as target");
    }
    if (url.length() > URL_MAX) {
      throw new IllegalArgumentException("The " + vendor + " webhook URL is longer than " + URL_MAX + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("The " + vendor + " webhook URL is not a URL: " + e.getMessage());
    }
    if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("The " + vendor + " webhook URL must be an absolute http or https URL, like "
          + example(target.kind()));
    }
    return uri;
  }

  /** The URL carries the vendor's token in this query parameter ({@code access_token}, {@code key}). */
  static void hasQueryParameter(ChannelTarget target, URI uri, String name) {
    String query = uri.getRawQuery();
    boolean present = query != null && Arrays.stream(query.split("&"))
        .anyMatch(pair -> pair.startsWith(name + "=") && pair.length() > name.length() + 1);
    if (!present) {
      throw new IllegalArgumentException("The " + target.kind().code() + " webhook URL has no " + name
          + " parameter; copy the robot's whole URL, like " + example(target.kind()));
    }
  }

  static void hasSecret(ChannelTarget target, String what) {
    if (!target.hasSecret()) {
      throw new IllegalArgumentException("A " + target.kind().code() + " channel needs a secret: " + what);
    }
  }

  private static String example(ChannelKind kind) {
    return switch (kind) {
      case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=...";
      case WECOM -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...";
      case FEISHU -> "https://open.feishu.cn/open-apis/bot/v2/hook/...";
      case SLACK -> "https://hooks.slack.com/services/...";
      default -> "https://example.com/opsflow-hook";
    };
  }
}
