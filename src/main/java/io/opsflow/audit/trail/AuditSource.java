package io.opsflow.audit.trail;

import io.opsflow.kernel.domain.Coded;

/** Which log an audit entry comes from. */
public enum AuditSource implements Coded {
  /** OpsFlow's own records (configuration, approvals, overrides). */
  OPSFLOW("opsflow"),
  /** Camunda's user operation log (claims, assignments, completions, identity and authorizations). */
  CAMUNDA("camunda");

  private final String code;

  AuditSource(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
