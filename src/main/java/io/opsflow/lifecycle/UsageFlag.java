package io.opsflow.lifecycle;

import io.opsflow.kernel.domain.Coded;

/** What a usage report points out about a feature. */
public enum UsageFlag implements Coded {
  /** Its daily uses after a release fell by more than the drop threshold. */
  FELL_AFTER_RELEASE("fell-after-release"),
  /** Fewer than the rarely-used share of the service's active users use it. */
  RARELY_USED("rarely-used");

  private final String code;

  UsageFlag(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
