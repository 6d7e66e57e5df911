package io.opsflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.security.accounts.ServiceAccountTokenMapper;

/**
 * Service accounts are Camunda users in group {@code ci}, {@code monitoring}, {@code feedback} or {@code analytics} that sign in with
 * API tokens instead of a password. A token is shown once, when it is issued; OpsFlow keeps only
 * its SHA-256 hash (tokens are 256 random bits, so a slow hash would add nothing).
 */
@Component
public class ServiceAccounts {

  private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
  private static final String TOKEN_PREFIX = "ofs_";
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final ServiceAccountTokenMapper tokens;
  private final IdentityService identityService;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ServiceAccounts(ServiceAccountTokenMapper tokens, IdentityService identityService, Directory directory,
      ApplicationEventPublisher events, Clock clock) {
    this.tokens = tokens;
    this.identityService = identityService;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  public record Account(String id, String group, String description, List<ServiceAccountToken> tokens) {
  }

  public record IssuedToken(String tokenId, String accountId, String label, String token, Instant createdAt) {
  }

  /** An authenticated service account. */
  public record Caller(String accountId, List<String> groups) {
  }

  @Transactional
  public Account create(String id, String group, String description) {
    if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
      throw Refusal.invalid("Service account id must be 2-64 lower-case letters, digits or '-', starting with a letter.");
    }
    if (group == null || !Groups.SERVICE_ACCOUNT_GROUPS.contains(group)) {
      throw Refusal.invalid("Service account group must be one of " + Groups.SERVICE_ACCOUNT_GROUPS + ".");
    }
    if (directory.userExists(id)) {
      throw Refusal.conflict("A user or service account with id '" + id + "' already exists.");
    }
    User user = identityService.newUser(id);
    user.setFirstName(description == null || description.isBlank() ? id : description.strip());
    user.setLastName("(service account)");
    // Nobody knows this password: service accounts sign in with tokens only.
    user.setPassword(randomSecret());
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    Account account = new Account(id, group, user.getFirstName(), List.of());
    events.publishEvent(AuditEvent.of("service-account.created", id).change(null, account));
    return account;
  }

  public List<Account> list() {
    return Groups.SERVICE_ACCOUNT_GROUPS.stream()
        .flatMap(group -> directory.membersOf(group).stream().map(id -> account(id, group)))
        .toList();
  }

  public Account get(String accountId) {
    return Groups.SERVICE_ACCOUNT_GROUPS.stream()
        .filter(group -> directory.membersOf(group).contains(accountId))
        .findFirst()
        .map(group -> account(accountId, group))
        .orElseThrow(() -> Refusal.notFound("No service account '" + accountId + "'."));
  }

  private Account account(String id, String group) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    return new Account(id, group, user == null ? id : user.getFirstName(), tokens.findByAccount(id));
  }

  /** Issues a new random token; the returned secret is not stored and cannot be shown again. */
  @Transactional
  public IssuedToken issueToken(String accountId, String label, String issuedBy) {
    return register(accountId, label, TOKEN_PREFIX + randomSecret(), issuedBy);
  }

  /** Stores a token chosen by the caller. Only the demo data uses this, for its well-known tokens. */
  @Transactional
  public IssuedToken register(String accountId, String label, String token, String issuedBy) {
    get(accountId);
    String cleanLabel = label == null || label.isBlank() ? "token" : label.strip();
    if (cleanLabel.length() > 200) {
      throw Refusal.invalid("Token label must be at most 200 characters.");
    }
    Instant now = now();
    ServiceAccountToken stored = new ServiceAccountToken(
        UUID.randomUUID().toString(), accountId, hash(token), cleanLabel, now, issuedBy, null, null, null);
    tokens.insert(stored);
    events.publishEvent(AuditEvent.of("token.issued", stored.tokenId()).by(issuedBy)
        .details("Token '" + cleanLabel + "' of service account " + accountId)
        .change(null, Map.of("account", accountId, "label", cleanLabel)));
    return new IssuedToken(stored.tokenId(), accountId, cleanLabel, token, now);
  }

  @Transactional
  public void revoke(String accountId, String tokenId, String revokedBy) {
    if (tokens.revoke(accountId, tokenId, now(), revokedBy) == 0) {
      throw Refusal.notFound("Service account '" + accountId + "' has no active token '" + tokenId + "'.");
    }
    events.publishEvent(AuditEvent.of("token.revoked", tokenId).by(revokedBy)
        .details("Token of service account " + accountId)
        .change(Map.of("account", accountId, "active", true), Map.of("account", accountId, "active", false)));
  }

  /** Revokes every token of the account and removes the account from Camunda's identity service. */
  @Transactional
  public void delete(String accountId, String deletedBy) {
    Account account = get(accountId);
    tokens.revokeAll(accountId, now(), deletedBy);
    identityService.deleteUser(accountId);
    events.publishEvent(AuditEvent.of("service-account.deleted", accountId).by(deletedBy)
        .details("Every token of the account is revoked").change(account, null));
  }

  /** The service account that owns this token, if the token is valid and not revoked. */
  @Transactional
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    ServiceAccountToken stored = tokens.findActiveByHash(hash(token));
    if (stored == null) {
      return Optional.empty();
    }
    // only the service-account groups: a token never carries the rights of a staff group
    List<String> groups = directory.groupsOf(stored.accountId()).stream()
        .filter(Groups.SERVICE_ACCOUNT_GROUPS::contains)
        .toList();
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    Instant now = now();
    // the row just read says whether the minute is up: a pipeline polling every second sends no UPDATE
    Instant staleBefore = now.minus(TOUCH_INTERVAL);
    if (stored.lastUsedAt() == null || stored.lastUsedAt().isBefore(staleBefore)) {
      tokens.touch(stored.tokenId(), now, staleBefore);
    }
    return Optional.of(new Caller(stored.accountId(), groups));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private String randomSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
