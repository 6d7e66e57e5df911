package io.opsflow.kernel.audit;

/**
 * Something done that the audit trail keeps: who approved, overrode or changed what, with the state
 * before and after. Publish it (Spring's {@code ApplicationEventPublisher}) inside the transaction
 * that makes the change; the audit trail writes it in that same transaction, so a refused or
 * rolled-back change leaves no entry. Any module (and any future one, such as notification
 * channels) records this way without depending on the audit module.
 *
 * @param actor who did it; null means the signed-in caller of the current request or engine command
 * @param action what was done, {@code <thing>.<verb>}: {@code service.updated}, {@code change.approved}
 * @param subject what it was done to: a business key (CHG-2026-0001, INC-2026-0007), a service key,
 *     a service account or token id
 * @param before the state before (stored as JSON), or null
 * @param after the state after (stored as JSON), or null
 */
public record AuditEvent(String actor, String action, String subject, String details, Object before, Object after) {

  public static AuditEvent of(String action, String subject) {
    return new AuditEvent(null, action, subject, null, null, null);
  }

  public AuditEvent by(String who) {
    return new AuditEvent(who, action, subject, details, before, after);
  }

  public AuditEvent details(String text) {
    return new AuditEvent(actor, action, subject, text, before, after);
  }

  public AuditEvent change(Object from, Object to) {
    return new AuditEvent(actor, action, subject, details, from, to);
  }
}
