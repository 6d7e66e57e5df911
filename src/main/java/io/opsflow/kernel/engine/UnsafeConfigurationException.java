package io.opsflow.kernel.engine;

/** OpsFlow refuses to start with this configuration; {@link #action()} says what to change. */
public class UnsafeConfigurationException extends RuntimeException {

  private final String action;

  public UnsafeConfigurationException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
