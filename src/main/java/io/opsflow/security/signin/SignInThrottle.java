package io.opsflow.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.opsflow.security.Directory;
import io.opsflow.security.signin.SignInThrottleMapper.FailureCount;
import io.opsflow.security.web.AdminProperties;

/**
 * Slows down password guessing without letting anyone lock someone else out. Failed sign-ins are
 * counted per client address, per account and per (account, client) pair; each count earns a
 * temporary lock once it passes its allowance, doubling from a minute up to {@link #MAX_LOCK}. A
 * lock on the account or the address does not apply to a client (address or browser) that signed
 * in successfully as that account within {@link #KNOWN_FOR}: its owner keeps working, still
 * limited by the pair count. Nothing locks permanently, and while {@code OPSFLOW_ADMIN_UNLOCK} is
 * set no lock on the account applies to the first administrator. The counts live in the database,
 * so every node of a cluster sees the same; they expire a day after their last failure and are
 * capped in number.
 */
@Component
public class SignInThrottle {

  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  /** A count starts again after a day without failures. */
  static final Duration WINDOW = Duration.ofDays(1);
  static final Duration KNOWN_FOR = Duration.ofDays(30);
  static final long MAX_ROWS = 100_000;
  private static final Duration KNOWN_REFRESH = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  /** What is counted, and how many failures each count allows before its first lock. */
  enum Count {
    ADDRESS(20), ACCOUNT(10), PAIR(5);

    final int allowance;

    Count(int allowance) {
      this.allowance = allowance;
    }
  }

  private final SignInThrottleMapper mapper;
  private final Directory directory;
  private final Clock clock;
  /** The first administrator while OPSFLOW_ADMIN_UNLOCK is set: no lock on the account applies to them. */
  private final String recovering;

  SignInThrottle(SignInThrottleMapper mapper, Directory directory, Clock clock, AdminProperties admin) {
    this.mapper = mapper;
    this.directory = directory;
    this.clock = clock;
    this.recovering = admin.unlock() ? admin.user() : null;
  }

  /**
   * Starts a sign-in as {@code userId}: refused with {@link SignInThrottled} while a lock applies,
   * before the password is looked at.
   */
  Attempt begin(String userId, SignInClient client) {
    String account = directory.userExists(userId) ? userId : null;
    String address = "address:" + client.address();
    String device = client.device() == null ? null : DeviceCookie.client(client.device());
    Instant now = clock.instant();

    boolean knownDevice = account != null && device != null && isKnown(account, device, now);
    String pair = account == null ? null : "pair:" + account + "|" + (knownDevice ? device : address);
    String accountKey = account == null ? null : "account:" + account;
    Map<String, FailureCount> counts = mapper.find(Stream.of(address, accountKey, pair).filter(Objects::nonNull).toList())
        .stream().collect(Collectors.toMap(FailureCount::throttleKey, Function.identity()));

    List<FailureCount> applying = new ArrayList<>();
    applying.add(counts.get(account == null ? address : pair));
    boolean widerLock = locked(counts.get(address), now) || locked(counts.get(accountKey), now);
    if (widerLock && !(knownDevice || account != null && isKnown(account, address, now))) {
      applying.add(counts.get(address));
      if (account == null || !account.equals(recovering)) {
        applying.add(counts.get(accountKey));
      }
    }
    applying.stream().filter(count -> locked(count, now)).map(FailureCount::lockedUntil)
        .max(Comparator.naturalOrder())
        .ifPresent(until -> {
          throw new SignInThrottled(Duration.between(now, until));
        });
    return new Attempt(account, address, accountKey, pair, counts.containsKey(pair));
  }

  /** Lets the browser that just signed in as {@code account} through later locks on the account. */
  void trustDevice(String account, String device) {
    remember(account, DeviceCookie.client(device), clock.instant());
  }

  /** Lifts every lock and count of one account (the administrator's recovery at start). */
  int forgetAccount(String account) {
    return mapper.forgetAccount(account);
  }

  /** Keeps the tables small: drops expired counts and clients, then the oldest counts beyond the cap. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  public void expire() {
    expire(MAX_ROWS);
  }

  void expire(long maxRows) {
    Instant now = clock.instant();
    int failures = mapper.expireFailures(now.minus(WINDOW), now);
    int clients = mapper.expireKnown(now.minus(KNOWN_FOR));
    if (mapper.countRows() > maxRows) {
      Instant cutoff = mapper.lastFailureAtPlace(maxRows);
      if (cutoff != null) {
        failures += mapper.forgetUpTo(cutoff);
      }
    }
    if (failures + clients > 0) {
      log.debug("Sign-in throttle: dropped {} expired failure counts and {} known clients", failures, clients);
    }
  }

  /** One sign-in, between the check and its outcome. */
  final class Attempt {

    private final String account;
    private final String address;
    private final String accountKey;
    private final String pair;
    private final boolean pairCounted;

    private Attempt(String account, String address, String accountKey, String pair, boolean pairCounted) {
      this.account = account;
      this.address = address;
      this.accountKey = accountKey;
      this.pair = pair;
      this.pairCounted = pairCounted;
    }

    /** Counts the failure everywhere it belongs; a lock earned here applies from the next attempt. */
    void failed() {
      Instant now = clock.instant();
      count(Count.ADDRESS, address, null, now);
      if (account != null) {
        count(Count.ACCOUNT, accountKey, account, now);
        count(Count.PAIR, pair, account, now);
      }
    }

    /** The pair's count starts again, and the address becomes known for the account. */
    void succeeded() {
      if (account == null) {
        return;
      }
      if (pairCounted) {
        mapper.forget(pair);
      }
      remember(account, address, clock.instant());
    }
  }

  private void count(Count kind, String key, String account, Instant now) {
    if (mapper.countFailure(key, now, now.minus(WINDOW)) == 0) {
      try {
        mapper.insertFailure(key, account, now);
      } catch (DuplicateKeyException concurrent) {
        mapper.countFailure(key, now, now.minus(WINDOW));
      }
    }
    int beyond = mapper.failures(key) - kind.allowance;
    if (beyond >= 0) {
      Duration doubled = FIRST_LOCK.multipliedBy(1L << Math.min(beyond, 10));
      mapper.lock(key, now.plus(doubled.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : doubled));
    }
  }

  private boolean isKnown(String account, String client, Instant now) {
    Instant last = mapper.lastSuccess(account, client);
    return last != null && last.isAfter(now.minus(KNOWN_FOR));
  }

  private void remember(String account, String client, Instant now) {
    Instant last = mapper.lastSuccess(account, client);
    if (last == null) {
      try {
        mapper.insertKnown(account, client, now);
      } catch (DuplicateKeyException concurrent) {
        // another node recorded the same success
      }
    } else if (last.isBefore(now.minus(KNOWN_REFRESH))) {
      mapper.touchKnown(account, client, now);
    }
  }

  private static boolean locked(FailureCount count, Instant now) {
    return count != null && count.lockedUntil() != null && count.lockedUntil().isAfter(now);
  }
}
