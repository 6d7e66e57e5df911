package io.opsflow.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.kernel.text.Texts;
import io.opsflow.notify.Notice;

/**
 * Writes notices into the outbox: one row per (notice id, channel, recipient) for every channel a
 * rule sends the notice to, rendered in the channel's language. It runs in the caller's
 * transaction, so an event that rolls back leaves no message behind, and a notice id already in the
 * outbox for a channel is skipped, so a retried step enqueues once.
 */
@Component
public class Outbox {

  /** The recipient of a message to the channel itself (not to one person). */
  static final String CHANNEL = "";

  private final Rules rules;
  private final ChannelMapper channels;
  private final NotificationMapper mapper;
  private final Templates templates;
  private final ObjectMapper json;
  private final Clock clock;

  Outbox(Rules rules, ChannelMapper channels, NotificationMapper mapper, Templates templates, ObjectMapper json,
      Clock clock) {
    this.rules = rules;
    this.channels = channels;
    this.mapper = mapper;
    this.templates = templates;
    this.json = json;
    this.clock = clock;
  }

  /** Enqueues the notice for every matching channel; returns the ids of the rows it wrote. */
  @Transactional(propagation = Propagation.REQUIRED)
  public List<Long> enqueue(Notice notice) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Long> written = new ArrayList<>();
    for (long channelId : rules.channelsFor(notice)) {
      ChannelMapper.Row channel = channels.find(channelId);
      if (channel == null || mapper.countOf(notice.id(), channelId, CHANNEL) > 0) {
        continue;
      }
      Templates.Rendered text = templates.render(notice, channel.language());
      Inserted<NotificationMapper.NewMessage> row = new Inserted<>(new NotificationMapper.NewMessage(notice.id(),
          notice.event().code(), notice.reference(), channelId, CHANNEL, channel.language(),
          Texts.clip(text.title(), 500), Texts.clip(text.markdown(), Texts.TEXT_COLUMN_MAX),
          Texts.clip(text.text(), Texts.TEXT_COLUMN_MAX), text.link(), mentions(notice), facts(notice), now));
      try {
        mapper.insertPending(row);
        written.add(row.getId());
      } catch (DuplicateKeyException concurrentlyWritten) {
        // the same notice, enqueued at this moment by another transaction: that one delivers it
      }
    }
    return written;
  }

  private static String mentions(Notice notice) {
    return notice.mention().isEmpty() ? null : Texts.clip(String.join(",", notice.mention()), 1000);
  }

  private String facts(Notice notice) {
    try {
      return notice.facts().isEmpty() ? null : Texts.clip(json.writeValueAsString(notice.facts()),
          Texts.TEXT_COLUMN_MAX);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the facts of notice " + notice.id() + " cannot be written as JSON", e);
    }
  }
}
