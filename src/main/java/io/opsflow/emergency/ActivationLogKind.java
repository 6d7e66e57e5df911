package io.opsflow.emergency;

import io.opsflow.kernel.domain.Coded;

/** What an entry of an activation's log records: who took command, a step's note, a notice to users, an automated action (run, dry-run in a drill, or failed), or an abort. */
public enum ActivationLogKind implements Coded {
  COMMAND("command"),
  NOTE("note"),
  NOTICE("notice"),
  ACTION("action"),
  DRY_RUN("dry-run"),
  ACTION_FAILED("action-failed"),
  ABORT("abort");

  private final String code;

  ActivationLogKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case COMMAND -> "指挥";
      case NOTE -> "备注";
      case NOTICE -> "通知";
      case ACTION -> "自动操作";
      case DRY_RUN -> "演练空跑";
      case ACTION_FAILED -> "操作失败";
      case ABORT -> "中止";
    };
  }
}
