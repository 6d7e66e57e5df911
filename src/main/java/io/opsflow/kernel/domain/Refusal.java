package io.opsflow.kernel.domain;

/**
 * A request the domain cannot serve as asked, with a detail a person can act on. Thrown by the
 * modules' facades and steps, never a web type: the web edge maps the three kinds to 404, 400 and
 * 409. The message carries a marker ({@link #MARKER}) with the kind, so the edge that only sees
 * Camunda's wrapped error text (a form submitted in Tasklist) can still find it; {@link #detail()}
 * is the text without it.
 */
public abstract sealed class Refusal extends RuntimeException permits Refusal.NotFound, Refusal.Invalid, Refusal.Conflict {

  /** Written before the detail in the message: {@code OpsFlow refused (conflict): ...}. */
  public static final String MARKER = "OpsFlow refused (";

  private final String detail;

  private Refusal(String kind, String detail) {
    super(MARKER + kind + "): " + detail);
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }

  /** The thing asked for does not exist (or the caller may not know of it). */
  public static NotFound notFound(String detail) {
    return new NotFound(detail);
  }

  /** The request breaks a rule of the domain whatever the state (an end before its start, an unknown service). */
  public static Invalid invalid(String detail) {
    return new Invalid(detail);
  }

  /** The request is fine but the current state does not allow it (already decided, already exists). */
  public static Conflict conflict(String detail) {
    return new Conflict(detail);
  }

  public static final class NotFound extends Refusal {
    NotFound(String detail) {
      super("not-found", detail);
    }
  }

  public static final class Invalid extends Refusal {
    Invalid(String detail) {
      super("invalid", detail);
    }
  }

  public static final class Conflict extends Refusal {
    Conflict(String detail) {
      super("conflict", detail);
    }
  }
}
