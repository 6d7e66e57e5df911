package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * Sessions are kept in the database (what lets any node serve any signed-in person; see ClusterIT
 * for two real nodes): stored whole, with a safe cookie, cleaned up once expired.
 */
class DatabaseSessionsIT extends IntegrationTest {

  @Autowired
  JdbcIndexedSessionRepository sessions;

  @Autowired
  CookieSerializer cookies;

  @Test
  void aSignedInSessionIsKeptInTheDatabaseWithTheWebappsAuthenticationAndCsrfToken() {
    Api olivia = api().signIn("olivia", "demo");

    assertThat(olivia.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    assertThat(TestDatabase.rows(DATABASE, """
        SELECT DISTINCT a.ATTRIBUTE_NAME FROM SPRING_SESSION s
        JOIN SPRING_SESSION_ATTRIBUTES a ON a.SESSION_PRIMARY_ID = s.PRIMARY_ID
        WHERE s.PRINCIPAL_NAME = 'olivia'""").stream().map(row -> row.get(0)))
        .contains("SPRING_SECURITY_CONTEXT", "authenticatedUser", "CAMUNDA_CSRF_TOKEN");
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndSecureWhenTheRequestIs() {
    assertThat(sessionCookie(false)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    assertThat(sessionCookie(true)).contains("HttpOnly", "SameSite=Lax", "Secure");
  }

  private String sessionCookie(boolean secureRequest) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSecure(secureRequest);
    MockHttpServletResponse response = new MockHttpServletResponse();
    cookies.writeCookieValue(new CookieValue(request, response, "session-id"));
    return response.getHeader("Set-Cookie");
  }

  @Test
  void expiredSessionsAreDeletedWithTheirAttributesAndSignNobodyIn() {
    Api quinn = api().signIn("quinn", "demo");
    assertThat(quinn.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    long others = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME <> 'quinn'");
    TestDatabase.execute(DATABASE, "UPDATE SPRING_SESSION SET EXPIRY_TIME = 0 WHERE PRINCIPAL_NAME = 'quinn'");

    sessions.cleanUpExpiredSessions();

    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'quinn'")).isZero();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES a "
        + "LEFT JOIN SPRING_SESSION s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID WHERE s.PRIMARY_ID IS NULL")).isZero();
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME <> 'quinn'"))
        .as("sessions still valid").isEqualTo(others);
    assertThat(quinn.get("/camunda/app/tasklist/default/").header("Location")).endsWith("/login");
  }

  @Test
  void twoRequestsStoringTheSameNewAttributeAtOnceBothSucceed() {
    storeTheSameNewAttributeFromTwoRequests(sessions);
  }

  /** Both requests (two nodes, or two parallel calls) loaded the session before either stored it. */
  private static <S extends Session> void storeTheSameNewAttributeFromTwoRequests(SessionRepository<S> repository) {
    S created = repository.createSession();
    repository.save(created);
    S onNodeA = repository.findById(created.getId());
    S onNodeB = repository.findById(created.getId());

    onNodeA.setAttribute("CAMUNDA_CSRF_TOKEN", "first");
    onNodeB.setAttribute("CAMUNDA_CSRF_TOKEN", "second");
    repository.save(onNodeA);
    repository.save(onNodeB);

    assertThat(repository.findById(created.getId()).<String>getAttribute("CAMUNDA_CSRF_TOKEN")).isEqualTo("second");
    repository.deleteById(created.getId());
  }
}
