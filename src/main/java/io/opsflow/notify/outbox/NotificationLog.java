package io.opsflow.notify.outbox;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.web.ListFilter;

/** The outbox read back: what was sent about a business key, or what failed. */
@Component
public class NotificationLog {

  static final Set<String> STATES = Set.of("pending", "sending", "delivered", "failed", "merged");

  private final NotificationMapper mapper;

  NotificationLog(NotificationMapper mapper) {
    this.mapper = mapper;
  }

  public List<NotificationView> find(String reference, String state, int limit) {
    ListFilter.checkKey("reference", reference);
    if (state != null && !STATES.contains(state)) {
      throw Refusal.invalid("state must be one of pending, sending, delivered, failed, merged; not '" + state
          + "'.");
    }
    if (limit < 1 || limit > 1000) {
      throw Refusal.invalid("limit must be between 1 and 1000.");
    }
    return mapper.history(reference, state, limit).stream().map(NotificationLog::view).toList();
  }

  private static NotificationView view(NotificationMapper.Entry entry) {
    NotificationView.Channel channel = entry.channelName() == null ? null
        : new NotificationView.Channel(entry.channelId(), entry.channelName(), entry.channelKind());
    return new NotificationView(entry.notificationId(), entry.noticeId(), entry.event(), entry.reference(), channel,
        entry.recipient(), entry.title(), entry.link(), entry.state(), entry.attempts(), entry.createdAt(),
        entry.lastAttemptAt(), entry.nextAttemptAt(), entry.deliveredAt(), entry.lastStatus(), entry.lastAnswer(),
        entry.mergedInto());
  }
}
