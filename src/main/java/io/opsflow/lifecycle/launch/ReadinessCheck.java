package io.opsflow.lifecycle.launch;

/** One named result of the automatic readiness checks, with what a person needs to fix it. */
public record ReadinessCheck(String name, boolean passed, String detail) {

  public String line() {
    return (passed ? "✔ " : "✘ ") + name + ": " + detail;
  }
}
