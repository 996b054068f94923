package jp.ishibashi.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import jp.ishibashi.Deployments;
import jp.ishibashi.Race;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-address sign-in lock under concurrency: many wrong passwords sent at the same instant
 * for one address check at most {@code portal.sign-in.max-failures} (5) of them, the others are
 * refused as locked without a check, and the right password is then refused too. The per-IP limit
 * and the cap on concurrent hashes are set high for the tests (arquillian.xml) and tested in
 * {@link SignInLimitsTest}.
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

  private static final int MAX_FAILURES = 5;
  private static final int PARALLEL = 30;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject TestAgencies agencies;
  @Inject SignInService signIn;
  @Inject Tenancy tenancy;
  @Inject UserTransaction tx;

  @ArquillianResource URL base;

  @Test
  void thirtyParallelWrongPasswordsCheckAtMostFiveAndTheRightOneIsThenRefused() throws Exception {
    Actor agency = agencies.newAgency("株式会社並列ロック");
    String email = tenancy.global().find(UserAccount.class, agency.userId()).getEmail();

    List<Race.Outcome<SignInService.Outcome>> outcomes =
        Race.run(PARALLEL, () -> signIn.attempt(email, "wrong-password-in-parallel"));

    assertTrue(outcomes.stream().allMatch(Race.Outcome::succeeded), outcomes::toString);
    Map<Class<?>, Long> byKind =
        outcomes.stream()
            .collect(Collectors.groupingBy(o -> o.value().getClass(), Collectors.counting()));
    long checked = byKind.getOrDefault(SignInService.Outcome.Rejected.class, 0L);
    long locked = byKind.getOrDefault(SignInService.Outcome.Locked.class, 0L);
    assertTrue(checked >= 1 && checked <= MAX_FAILURES, "passwords checked: " + byKind);
    assertEquals(PARALLEL, checked + locked, "every other attempt was refused as locked: " + byKind);
    assertEquals(checked, failuresOf(email), "one failure recorded per checked password");

    assertInstanceOf(
        SignInService.Outcome.Locked.class, signIn.attempt(email, TestAgencies.PASSWORD));
  }

  @Test
  @RunAsClient
  void theApiAnswers401AtMostFiveTimesAnd429ToTheRest() throws Exception {
    String email = TestAgencies.email("parallel-api");
    HttpClient http = HttpClient.newHttpClient();
    URI session = base.toURI().resolve("api/session");
    String body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", "wrong-password-in-parallel")
            .build()
            .toString();
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      replies.add(
          http.sendAsync(
              HttpRequest.newBuilder(session)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = replies.stream().map(CompletableFuture::join).toList();

    Map<Integer, Long> byStatus =
        answers.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    long unauthorized = byStatus.getOrDefault(401, 0L);
    assertTrue(unauthorized >= 1 && unauthorized <= MAX_FAILURES, "statuses: " + byStatus);
    assertEquals(PARALLEL - unauthorized, byStatus.getOrDefault(429, 0L), "statuses: " + byStatus);
    for (HttpResponse<String> locked :
        answers.stream().filter(r -> r.statusCode() == 429).toList()) {
      assertTrue(
          locked.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      assertEquals("error.signIn.locked", json(locked).getString("key"));
      assertNotNull(locked.headers().firstValue("Retry-After").orElse(null), "Retry-After");
    }
  }

  /** Read in a transaction of its own: outside one, the container closes the query's manager. */
  private long failuresOf(String email) throws Exception {
    tx.begin();
    try {
      return tenancy
          .global()
          .createQuery("select count(f) from SignInFailure f where f.email = :email", Long.class)
          .setParameter("email", email)
          .getSingleResult();
    } finally {
      tx.rollback();
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

}
