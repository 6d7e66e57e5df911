package io.opsflow.notify.channels;

/** The kinds of notification channel OpsFlow speaks, each a client of one vendor's documented protocol. */
public enum ChannelKind {
  EMAIL("email"),
  DINGTALK("dingtalk"),
  WECOM("wecom"),
  FEISHU("feishu"),
  SLACK("slack"),
  WEBHOOK("webhook");

  private final String code;

  ChannelKind(String code) {
    this.code = code;
  }

  /** The name in the API and the database ({@code dingtalk}). */
  public String code() {
    return code;
  }
}
