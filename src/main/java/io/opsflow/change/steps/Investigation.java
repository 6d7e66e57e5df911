package io.opsflow.change.steps;

import io.opsflow.kernel.domain.Coded;

/** What ops decide about a stalled deployment (the model's gateway compares the code). */
enum Investigation implements Coded {
  WAIT("wait"),
  CANCEL("cancel");

  private final String code;

  Investigation(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
