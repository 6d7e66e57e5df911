package io.opsflow.incident.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.oncall.Escalation;
import io.opsflow.oncall.OnCall;
import io.opsflow.kernel.domain.Codes;

/**
 * The notices incident-response publishes, built in one place so that each carries the same facts
 * (title, deadline, the person on call) and an id of the form {@code <event>:<incident>[:<what>]},
 * which makes a retried step publish once.
 */
@Component
class IncidentNotices {

  private final Notifications notifications;
  private final OnCall onCall;

  IncidentNotices(Notifications notifications, OnCall onCall) {
    this.notifications = notifications;
    this.onCall = onCall;
  }

  /** What a chat channel or mailbox shows instead of a restricted incident's title: the key says where to look. */
  static final String RESTRICTED_TITLE = "🔒 restricted / 受限";

  /**
   * A notice about the incident with its service, priority and title; {@code deadline} when given. A
   * restricted incident's title stays in OpsFlow: channels reach people outside ops, managers and
   * security (a shared chat group, a mailing list).
   */
  Notice about(NoticeEvent event, String discriminator, Incident incident, List<String> groups,
      Map<String, Object> facts) {
    Map<String, Object> all = new HashMap<>(facts);
    all.put("title", incident.restricted() ? RESTRICTED_TITLE : incident.title());
    return Notice.of(event.code() + ":" + incident.incidentKey() + (discriminator == null ? "" : ":" + discriminator),
        event, incident.incidentKey()).withService(incident.serviceKey()).withGroups(groups)
        .withPriority(Codes.codeOf(incident.priority())).withFacts(all);
  }

  /** Facts from name/value pairs; a missing (null) value is left out, so its template line is too. */
  static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        facts.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return facts;
  }

  void publish(Notice notice) {
    notifications.publish(notice);
  }

  /** The escalation of the incident as it stands now (who is on call changes with the schedule). */
  Escalation escalation(Incident incident) {
    return onCall.escalationFor(incident.serviceKey(), incident.onCallGroup());
  }

  /** The level's people by name, or its group when it names nobody. */
  String names(Escalation.Step step) {
    if (step.userIds().isEmpty()) {
      return step.group() == null ? "" : "group " + step.group();
    }
    List<String> names = new ArrayList<>();
    step.userIds().forEach(user -> names.add(onCall.displayName(user) + " (" + user + ")"));
    return String.join(", ", names);
  }
}
