package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** What CI reports about a deployment. */
public enum DeploymentStatus implements Coded {
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String code;

  DeploymentStatus(String code) {
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
    };
  }
}
