package io.opsflow.change.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.change.Change;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;

/**
 * The notices change-release publishes, each with the change's service and title and an id of the
 * form {@code <event>:<change>[:<what>]}, so a retried step publishes once.
 */
@Component
class ChangeNotices {

  private final Notifications notifications;

  ChangeNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  /**
   * @param discriminator what tells this occurrence apart (the approver group), or null
   * @param facts further facts; null values are left out (and so their template lines)
   */
  void publish(NoticeEvent event, String discriminator, Change change, List<String> groups, Map<String, Object> facts,
      String taskId) {
    Map<String, Object> all = new HashMap<>();
    facts.forEach((name, value) -> {
      if (value != null) {
        all.put(name, value);
      }
    });
    all.put("title", change.title() == null ? change.serviceKey() + " " + change.version() : change.title());
    Notice notice = Notice.of(event.code() + ":" + change.changeKey() + (discriminator == null ? "" : ":" + discriminator),
        event, change.changeKey()).withService(change.serviceKey()).withGroups(groups).withFacts(all);
    notifications.publish(taskId == null ? notice.withLink("/api/changes/" + change.changeKey()) : notice.withTask(taskId));
  }
}
