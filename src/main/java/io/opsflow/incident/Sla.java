package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/** The two service-level targets of an incident; the model's SLA steps name one by its code (input {@code sla}). */
public enum Sla implements Coded {
  ACKNOWLEDGE("acknowledge"),
  RESOLVE("resolve");

  private final String code;

  Sla(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The code, so that a message that names the value reads as it did when it was text. */
  @Override
  public String toString() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case ACKNOWLEDGE -> "确认";
      case RESOLVE -> "解决";
    };
  }
}
