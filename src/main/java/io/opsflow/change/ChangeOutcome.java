package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** How a closed change ended. */
public enum ChangeOutcome implements Coded {
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  ROLLED_BACK("rolled-back");

  private final String code;

  ChangeOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case SUCCEEDED -> "成功";
      case FAILED -> "失败";
      case ROLLED_BACK -> "已回滚";
    };
  }
}
