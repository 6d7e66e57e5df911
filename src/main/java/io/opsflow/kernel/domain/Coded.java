package io.opsflow.kernel.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose constants have a stable text code, the only form they take outside Java: in JSON
 * (Jackson writes and reads the code), in OpsFlow's tables (MyBatis maps every enum that implements
 * this by its code), in request parameters and in process variables (where BPMN, DMN and forms
 * compare it as text). Renaming a constant is safe; changing a code is a migration.
 */
public interface Coded {

  @JsonValue
  String code();

  /** What a Chinese reader reads for it in reports and pages; the code where no Chinese name is given. */
  default String chinese() {
    return code();
  }
}
