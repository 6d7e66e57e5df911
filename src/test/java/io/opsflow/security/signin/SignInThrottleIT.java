package io.opsflow.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.security.Directory;
import io.opsflow.security.Groups;
import io.opsflow.security.web.AdminProperties;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * Guessing passwords is slowed down by temporary pauses, and nobody can use that to keep someone
 * else out: not a colleague, not the only administrator. Every caller in the tests comes from the
 * loopback address; X-Forwarded-For (trusted from there) plays the addresses of attackers and
 * owners. Every test uses fresh people, and no pause outlives its test.
 */
public class SignInThrottleIT extends IntegrationTest {

  private static final String PASSWORD = "Right-Password-1";
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  @Autowired
  SignInThrottle throttle;
  @Autowired
  SignInThrottleMapper mapper;
  @Autowired
  SignInLocksAtStart locksAtStart;
  @Autowired
  Directory directory;
  @Autowired
  Clock clock;

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
  }

  @AfterEach
  void liftEveryPause() {
    TestDatabase.execute(DATABASE, "DELETE FROM sign_in_failure");
  }

  @Test
  void wrongPasswordsPauseTheAccountFromThatAddressOnly() {
    String olga = person();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(signIn(olga, "wrong", "203.0.113.1").status()).isEqualTo(401);
    }

    Response paused = signIn(olga, PASSWORD, "203.0.113.1");
    Response pausedOnEngineRest = api().basic(olga, PASSWORD).withHeader(FORWARDED_FOR, "203.0.113.1").get("/engine-rest/engine");
    Response elsewhere = signIn(olga, PASSWORD, "198.51.100.1");

    assertThat(paused.status()).as(paused.toString()).isEqualTo(429);
    assertThat(paused.header("Retry-After")).isEqualTo("60");
    assertThat(paused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(paused.json().path("detail").asText()).contains("signing in is paused for a minute");
    assertThat(pausedOnEngineRest.status()).isEqualTo(429);
    assertThat(elsewhere.status()).isEqualTo(200);

    later(Duration.ofSeconds(61));
    assertThat(signIn(olga, PASSWORD, "203.0.113.1").status()).as("the pause is over").isEqualTo(200);
  }

  @Test
  void pausesGrowWithFurtherFailuresAndNeverExceedFifteenMinutes() {
    String olga = person();
    for (int attempt = 1; attempt <= 5; attempt++) {
      signIn(olga, "wrong", "203.0.113.2");
    }

    List<String> waits = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      Response paused = signIn(olga, PASSWORD, "203.0.113.2");
      assertThat(paused.status()).isEqualTo(429);
      waits.add(paused.header("Retry-After"));
      later(Duration.ofSeconds(Long.parseLong(paused.header("Retry-After")) + 1));
      assertThat(signIn(olga, "wrong again", "203.0.113.2").status()).isEqualTo(401);
    }

    assertThat(waits).containsExactly("60", "120", "240", "480", "900", "900");
    later(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(signIn(olga, PASSWORD, "203.0.113.2").status()).as("no pause is permanent").isEqualTo(200);
  }

  @Test
  void guessingManyAccountsFromOneAddressPausesItForStrangersButNotForPeopleWhoSignedInThereBefore() {
    String regular = person();
    assertThat(signIn(regular, PASSWORD, "203.0.113.3").status()).isEqualTo(200);
    for (int account = 1; account <= 20; account++) {
      assertThat(signIn("nobody-" + account, "guess", "203.0.113.3").status()).isEqualTo(401);
    }
    String newcomer = person();

    assertThat(signIn(newcomer, PASSWORD, "203.0.113.3").status()).isEqualTo(429);
    assertThat(signIn(regular, PASSWORD, "203.0.113.3").status()).isEqualTo(200);
    assertThat(signIn(newcomer, PASSWORD, "198.51.100.3").status()).isEqualTo(200);
  }

  @Test
  void anAttackerCannotKeepTheOnlyAdministratorOut() {
    assertThat(signIn("admin", "demo", "198.51.100.10").status()).as("the administrator's office").isEqualTo(200);
    Api laptop = api().withHeader(FORWARDED_FOR, "198.51.100.20").withHeader("Accept", "text/html").browser();
    assertThat(laptop.submitSignIn("admin", "demo").header("Location")).doesNotContain("error");

    List<Integer> attack = new ArrayList<>();
    for (int address = 1; address <= 30; address++) {
      attack.add(signIn("admin", "guess-" + address, "203.0.113." + (100 + address)).status());
    }
    Response rightPasswordFromTheAttacker = signIn("admin", "demo", "203.0.113.200");
    Response office = signIn("admin", "demo", "198.51.100.10");
    // at a café: an address nobody signed in from, where the laptop's device cookie is all that counts
    Response strangerAtTheCafe = api().withHeader(FORWARDED_FOR, "198.51.100.30")
        .withHeader("Accept", "text/html").browser().submitSignIn("admin", "demo");
    Response laptopAtTheCafe = laptop.withHeader(FORWARDED_FOR, "198.51.100.30").submitSignIn("admin", "demo");

    assertThat(office.status()).as("the administrator from a known address").isEqualTo(200);
    assertThat(attack.subList(0, 10)).containsOnly(401);
    assertThat(attack.subList(10, 30)).as("the account is paused for unknown clients").containsOnly(429);
    assertThat(rightPasswordFromTheAttacker.status()).isEqualTo(429);
    assertThat(laptop.cookie(DeviceCookie.NAME)).isPresent();
    assertThat(strangerAtTheCafe.status()).isEqualTo(429);
    assertThat(strangerAtTheCafe.header("Content-Type")).startsWith("text/html");
    assertThat(strangerAtTheCafe.body()).contains("signing in is paused");
    assertThat(strangerAtTheCafe.header("Retry-After")).isNotBlank();
    assertThat(laptopAtTheCafe.status()).as("the browser that signed in before").isEqualTo(302);
    assertThat(laptopAtTheCafe.header("Location")).endsWith("/camunda/app/tasklist/default/");
    assertThat(camundaAttempts("admin")).as("Camunda's own lock-out is off").isZero();

    later(SignInThrottle.MAX_LOCK.plusSeconds(1));
    assertThat(signIn("admin", "demo", "203.0.113.200").status()).as("no pause is permanent").isEqualTo(200);
  }

  @Test
  void aStolenSessionCannotGuessItsOwnersPasswordByChangingIt() {
    String olga = person();
    Api session = api().withHeader(FORWARDED_FOR, "198.51.100.6").signIn(olga, PASSWORD);
    String credentials = "/camunda/api/engine/engine/default/user/" + olga + "/credentials";
    for (int guess = 1; guess <= 5; guess++) {
      Response wrong = session.put(credentials, "{\"password\":\"Taken-Over-1\",\"authenticatedUserPassword\":\"guess-"
          + guess + "\"}");
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    }

    Response paused = session.put(credentials, "{\"password\":\"Taken-Over-1\",\"authenticatedUserPassword\":\""
        + PASSWORD + "\"}");

    assertThat(paused.status()).as(paused.toString()).isEqualTo(429);
    assertThat(signIn(olga, PASSWORD, "198.51.100.7").status()).as("the password is unchanged").isEqualTo(200);
  }

  @Test
  void camundasOwnLockOutIsOffAndTheLocksItSetBeforeAreLifted() {
    String lockedByCamunda = person();
    String alsoLockedByCamunda = person();
    TestDatabase.execute(DATABASE, "UPDATE ACT_ID_USER SET ATTEMPTS_ = 10 WHERE ID_ IN ('" + lockedByCamunda + "', '"
        + alsoLockedByCamunda + "')");

    assertThat(signIn(lockedByCamunda, PASSWORD, "198.51.100.4").status()).isEqualTo(200);
    locksAtStart.afterSingletonsInstantiated();
    assertThat(camundaAttempts(alsoLockedByCamunda)).isZero();
    for (int attempt = 1; attempt <= 3; attempt++) {
      signIn(alsoLockedByCamunda, "wrong", "198.51.100.4");
    }
    assertThat(camundaAttempts(alsoLockedByCamunda)).isZero();
  }

  @Test
  void theRecoverySettingLiftsEveryPauseOnTheAdministratorAndKeepsTheAccountOpenToThem() {
    for (int address = 1; address <= 10; address++) {
      signIn("admin", "guess", "203.0.113." + (50 + address));
    }
    assertThat(signIn("admin", "demo", "203.0.113.70").status()).isEqualTo(429);
    AdminProperties recovery = new AdminProperties("admin", "demo", true);
    SignInThrottle recovering = new SignInThrottle(mapper, directory, clock, recovery);

    new SignInLocksAtStart(mapper, recovering, recovery).afterSingletonsInstantiated();

    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM sign_in_failure WHERE account_id = 'admin'")).isZero();
    assertThat(signIn("admin", "demo", "203.0.113.70").status()).isEqualTo(200);
    for (int address = 1; address <= 10; address++) {
      signIn("admin", "guess", "203.0.113." + (80 + address));
    }
    SignInClient newAddress = new SignInClient("203.0.113.99", null);
    assertThatThrownBy(() -> throttle.begin("admin", newAddress)).isInstanceOf(SignInThrottled.class);
    assertThat(recovering.begin("admin", newAddress)).as("while OPSFLOW_ADMIN_UNLOCK is set").isNotNull();
  }

  @Test
  void countsExpireAfterADayAndAreCappedInNumber() {
    for (int address = 1; address <= 3; address++) {
      signIn("nobody", "guess", "203.0.113." + (210 + address));
      later(Duration.ofSeconds(1));
    }
    String olga = person();
    signIn(olga, PASSWORD, "198.51.100.5");
    assertThat(failureRows()).isEqualTo(3);

    throttle.expire(1);
    assertThat(failureRows()).as("only the newest count is kept").isOne();

    later(SignInThrottle.WINDOW.plusSeconds(1));
    throttle.expire();
    assertThat(failureRows()).isZero();
    assertThat(knownClients(olga)).isOne();

    later(SignInThrottle.KNOWN_FOR);
    throttle.expire();
    assertThat(knownClients(olga)).isZero();
  }

  private Response signIn(String user, String password, String address) {
    return api().basic(user, password).withHeader(FORWARDED_FOR, address).get("/api/services");
  }

  /** A fresh member of ops, so pauses in one test never touch another. */
  private String person() {
    IdentityService identity = processEngine.getIdentityService();
    User user = identity.newUser("signin-" + UUID.randomUUID().toString().substring(0, 8));
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(user.getId(), Groups.OPS);
    return user.getId();
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  private static long camundaAttempts(String userId) {
    return TestDatabase.count(DATABASE, "SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = '" + userId + "'");
  }

  private static long failureRows() {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM sign_in_failure");
  }

  private static long knownClients(String userId) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM sign_in_known_client WHERE account_id = '" + userId + "'");
  }
}
