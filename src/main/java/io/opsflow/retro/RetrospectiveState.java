package io.opsflow.retro;

import io.opsflow.kernel.domain.Coded;

/** Where a retrospective is in post-launch-retrospective. */
public enum RetrospectiveState implements Coded {
  REQUESTED("requested"),
  PREPARING("preparing"),
  COLLECTING("collecting"),
  REVIEWING("reviewing"),
  IMPROVING("improving"),
  CLOSED("closed");

  private final String code;

  RetrospectiveState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case REQUESTED -> "已发起";
      case PREPARING -> "准备中";
      case COLLECTING -> "收集发现";
      case REVIEWING -> "评审中";
      case IMPROVING -> "改进中";
      case CLOSED -> "已关闭";
    };
  }
}
