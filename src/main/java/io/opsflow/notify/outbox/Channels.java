package io.opsflow.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.Installation;
import io.opsflow.notify.channels.ChannelClient;
import io.opsflow.notify.channels.ChannelKind;
import io.opsflow.notify.channels.ChannelTarget;
import io.opsflow.notify.channels.Delivery;
import io.opsflow.notify.channels.Message;

/**
 * Notification channels: checked by their kind's client before anything is written, stored with
 * target and secret sealed ({@link SecretBox}), shown masked.
 */
@Component
public class Channels {

  static final String TARGET = "target";
  static final String SECRET = "secret";

  private final ChannelMapper mapper;
  private final ChannelClients clients;
  private final SecretBox box;
  private final Templates templates;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Installation installation;

  Channels(ChannelMapper mapper, ChannelClients clients, @Value("${opsflow.secret-key:}") String secretKey,
      Templates templates, ApplicationEventPublisher events, Clock clock, Installation installation) {
    this.mapper = mapper;
    this.clients = clients;
    this.box = SecretBox.of(secretKey);
    this.templates = templates;
    this.events = events;
    this.clock = clock;
    this.installation = installation;
  }

  /** A channel ready to send through: its client and its opened target. */
  record Opened(ChannelMapper.Row row, ChannelKind kind, ChannelClient client, ChannelTarget target) {
  }

  public List<ChannelView> list() {
    return mapper.findAll().stream().map(this::view).toList();
  }

  public ChannelView get(long id) {
    return view(row(id));
  }

  @Transactional
  public ChannelView create(ChannelDraft draft) {
    ChannelKind kind = checked(draft, draft.secret());
    Instant now = now();
    Inserted<ChannelMapper.Row> row = new Inserted<>(new ChannelMapper.Row(null, draft.name().strip(), kind.code(),
        box.seal(draft.target().strip(), TARGET), sealedSecret(draft.secret()),
        draft.languageOr(installation.language()), now, now));
    mapper.insert(row);
    ChannelView created = get(row.getId());
    events.publishEvent(AuditEvent.of("notification-channel.created", subject(created.id())).change(null, created));
    return created;
  }

  @Transactional
  public ChannelView update(long id, ChannelDraft draft) {
    ChannelMapper.Row existing = row(id);
    String secret;
    try {
      secret = draft.secret() == null ? openSecret(existing) : draft.secret();
    } catch (SecretBox.SealBroken e) {
      throw Refusal.conflict("The stored secret of channel " + id + " cannot be read with the configured"
          + " OPSFLOW_SECRET_KEY; send the secret again with the change.");
    }
    ChannelKind kind = checked(draft, secret);
    ChannelView before = view(existing);
    String sealedSecret = draft.secret() == null ? existing.secretSealed() : sealedSecret(draft.secret());
    mapper.update(new ChannelMapper.Row(id, draft.name().strip(), kind.code(), box.seal(draft.target().strip(), TARGET),
        sealedSecret, draft.languageOr(installation.language()), existing.createdAt(), now()));
    ChannelView after = get(id);
    events.publishEvent(AuditEvent.of("notification-channel.updated", subject(id)).change(before, after));
    return after;
  }

  @Transactional
  public void delete(long id) {
    ChannelView before = get(id);
    long rules = mapper.rulesUsing(id);
    if (rules > 0) {
      throw Refusal.conflict("Channel " + id + " is used by " + rules + " notification rule(s); remove it from"
          + " them (PUT /api/notification-rules/{id}) or delete them first.");
    }
    mapper.delete(id);
    events.publishEvent(AuditEvent.of("notification-channel.deleted", subject(id)).change(before, null));
  }

  /** Sends the test message now, outside any transaction, and reports what the vendor answered. */
  public TestResult test(long id) {
    Opened channel = open(id).orElseThrow(() -> notFound(id));
    Templates.Rendered text = templates.test(channel.row().language(), channel.row().name());
    Message message = new Message("test-" + id + "-" + clock.millis(), "test", "channel-" + id, text.title(),
        text.markdown(), text.text(), text.link(), List.of(), Map.of());
    Delivery delivery = ChannelClients.attempt(channel.client(), channel.target(), message);
    return new TestResult(delivery.delivered(), delivery.status(), delivery.answer());
  }

  /**
   * The channel with its client and opened target, or empty when it was deleted.
   *
   * @throws SecretBox.SealBroken when the key changed since the channel was stored
   * @throws IllegalStateException when no client for its kind is installed
   */
  Optional<Opened> open(long id) {
    ChannelMapper.Row row = mapper.find(id);
    if (row == null) {
      return Optional.empty();
    }
    ChannelKind kind = kind(row.kind()).orElseThrow();
    ChannelClient client = clients.of(kind).orElseThrow(() -> new IllegalStateException(
        "no client for channel kind " + kind.code() + " is installed"));
    return Optional.of(new Opened(row, kind, client,
        new ChannelTarget(kind, box.open(row.targetSealed(), TARGET), openSecret(row))));
  }

  long count() {
    return mapper.count();
  }

  boolean keyConfigured() {
    return box.isConfigured();
  }

  private ChannelKind checked(ChannelDraft draft, String secret) {
    ChannelKind kind = kind(draft.kind()).filter(known -> clients.of(known).isPresent())
        .orElseThrow(() -> Refusal.invalid("kind must be one of: " + String.join(", ", clients.kinds())
            + " (not '" + draft.kind() + "')."));
    try {
      clients.of(kind).orElseThrow().check(new ChannelTarget(kind, draft.target().strip(),
          secret == null || secret.isEmpty() ? null : secret));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("The " + kind.code() + " channel cannot be used: " + e.getMessage());
    }
    return kind;
  }

  private String sealedSecret(String secret) {
    return secret == null || secret.isEmpty() ? null : box.seal(secret, SECRET);
  }

  private String openSecret(ChannelMapper.Row row) {
    return row.secretSealed() == null ? null : box.open(row.secretSealed(), SECRET);
  }

  private ChannelView view(ChannelMapper.Row row) {
    String target;
    try {
      target = TargetMask.mask(box.open(row.targetSealed(), TARGET));
    } catch (SecretBox.SealBroken | Refusal e) {
      target = "(cannot be read with the configured OPSFLOW_SECRET_KEY)";
    }
    return new ChannelView(row.channelId(), row.name(), row.kind(), target, row.secretSealed() != null,
        row.language(), row.createdAt(), row.updatedAt());
  }

  private ChannelMapper.Row row(long id) {
    ChannelMapper.Row row = mapper.find(id);
    if (row == null) {
      throw notFound(id);
    }
    return row;
  }

  private static Refusal notFound(long id) {
    return Refusal.notFound("No notification channel " + id + "; GET /api/notification-channels lists them.");
  }

  static Optional<ChannelKind> kind(String code) {
    return Arrays.stream(ChannelKind.values()).filter(kind -> kind.code().equals(code)).findFirst();
  }

  private static String subject(long id) {
    return "notification-channel-" + id;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
