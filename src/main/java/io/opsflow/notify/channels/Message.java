package io.opsflow.notify.channels;

import java.util.List;
import java.util.Map;

/**
 * One rendered message, in the channel's language, ready for any kind of channel.
 *
 * @param id stable per (event, recipient, channel): the same on every retry (Standard Webhooks'
 *     {@code webhook-id}, the e-mail's Message-ID)
 * @param event what happened ({@code incident.opened})
 * @param reference the business key it is about ({@code INC-2026-0042}); one thread per reference
 * @param title one line
 * @param markdown the body in the Markdown the chat vendors render (no title)
 * @param text the body as plain text (no title)
 * @param link where a person acts (the Tasklist task, the report); may be null
 * @param mentions the people to mention or mail directly (the one on call)
 * @param facts the event's facts for machine receivers (generic webhook body)
 * @param language the channel's language ({@code zh-CN}, {@code en}) the text was rendered in, so what a
 *     client adds around it (the label of the link) speaks the same; null when unknown
 */
public record Message(String id, String event, String reference, String title, String markdown, String text,
    String link, List<Recipient> mentions, Map<String, Object> facts, String language) {

  public Message {
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }

  /** A message whose language is not known: the clients guess it from the title. */
  public Message(String id, String event, String reference, String title, String markdown, String text, String link,
      List<Recipient> mentions, Map<String, Object> facts) {
    this(id, event, reference, title, markdown, text, link, mentions, facts, null);
  }
}
