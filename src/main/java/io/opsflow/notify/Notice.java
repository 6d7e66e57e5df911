package io.opsflow.notify;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something people should hear about, as a module publishes it ({@link Notifications#publish}).
 * Rules decide which channels it reaches; templates turn it into text in each channel's language.
 * Start with {@link #of} and add what is known with the {@code with...} methods.
 *
 * <p>The {@code id} makes publishing idempotent: the outbox keeps one message per (notice id,
 * channel, recipient), so a delegate that the engine retries, or a notice raised twice, enqueues
 * once. Build it from what identifies the occurrence, not the attempt:
 * {@code <event>:<reference>[:<discriminator>]}, e.g. {@code incident.opened:INC-2026-0042},
 * {@code incident.escalated:INC-2026-0042:level-2}, {@code drill.due:PLAN-7:2026-12-01}. A notice
 * that should go out again (a second SLA breach after reopening) needs a new discriminator.
 *
 * @param id stable id of this occurrence (see above), at most 200 characters
 * @param reference the business key it is about ({@code INC-2026-0042}); one thread per reference
 * @param service the catalog service, or null (rules with a service then do not match)
 * @param groups the groups concerned, the on-call group first (a restricted incident's is ops and
 *     security; an escalation's adds the managers); empty when none. A rule naming a group takes the
 *     notice when the group is one of them.
 * @param priority {@code P1} (most urgent) to {@code P4}, or null (see {@link Notifications})
 * @param facts what the templates and webhook receivers may use: {@code title}, {@code deadline}, ...
 * @param taskId the Camunda task to act on; the message links to it in Tasklist
 * @param link where to act when there is no task (absolute, or a path under {@code opsflow.public-url})
 * @param mention user ids to mention or mail directly (the person on call)
 */
public record Notice(String id, NoticeEvent event, String reference, String service, List<String> groups,
    String priority, Map<String, Object> facts, String taskId, String link, List<String> mention) {

  private static final Pattern PRIORITY = Pattern.compile("P[1-4]");

  public Notice {
    if (id == null || id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException("a notice needs an id of 1-200 characters, not '" + id + "'");
    }
    if (event == null || reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("a notice needs an event and a reference: " + id);
    }
    if (priority != null && !PRIORITY.matcher(priority).matches()) {
      throw new IllegalArgumentException("priority must be P1..P4, not '" + priority + "'");
    }
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    mention = mention == null ? List.of() : List.copyOf(mention);
    groups = groups == null ? List.of() : groups.stream().filter(g -> g != null && !g.isBlank()).distinct().toList();
  }

  /** The on-call group, the first of {@link #groups}, or null. */
  public String group() {
    return groups.isEmpty() ? null : groups.get(0);
  }

  public static Notice of(String id, NoticeEvent event, String reference) {
    return new Notice(id, event, reference, null, List.of(), null, Map.of(), null, null, List.of());
  }

  public Notice withService(String service) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  public Notice withGroup(String group) {
    return withGroups(group == null ? List.of() : List.of(group));
  }

  /** The groups concerned, the on-call group first. */
  public Notice withGroups(List<String> groups) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  public Notice withPriority(String priority) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  /** Facts must not be null; {@code title} and {@code deadline} are the ones templates use most. */
  public Notice withFacts(Map<String, Object> facts) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  public Notice withTask(String taskId) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  public Notice withLink(String link) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, mention);
  }

  public Notice withMention(List<String> userIds) {
    return new Notice(id, event, reference, service, groups, priority, facts, taskId, link, userIds);
  }
}
