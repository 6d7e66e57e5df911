package io.opsflow.incident;

/** The two service-level targets of an incident. */
public enum Sla {
  ACKNOWLEDGE("acknowledge"),
  RESOLVE("resolve");

  private final String label;

  Sla(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
