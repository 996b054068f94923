package jp.ishibashi.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.ishibashi.Deployments;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RateCounts;
import jp.ishibashi.platform.RateLimits;
import jp.ishibashi.platform.RateWindow;
import jp.ishibashi.shared.DomainException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One address may sign up only so many agencies an hour, on any node. The test run allows 1,000
 * (arquillian.xml), so the limit is built here at 2 on the same shared counts.
 */
@ExtendWith(ArquillianExtension.class)
class SignUpLimitIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject RateLimits limits;
  @Inject AgencySignUp signUp;
  @Inject RateCounts counts;
  @Inject PortalClock clock;

  private static final Instant NOW = Instant.parse("2031-05-06T07:30:00Z");

  @Test
  void theThirdSignUpOfAnHourFromOneAddressWaitsForTheNextHour() {
    SignUpLimit limit = new SignUpLimit(2, limits);
    String address = "203.0.113." + UUID.randomUUID();

    assertEquals(Optional.empty(), limit.refuse(address, NOW));
    assertEquals(Optional.empty(), limit.refuse(address, NOW.plusSeconds(60)));

    assertEquals(
        Optional.of(Instant.parse("2031-05-06T08:00:00Z")),
        limit.refuse(address, NOW.plusSeconds(120)));
    assertEquals(Optional.empty(), limit.refuse("198.51.100." + UUID.randomUUID(), NOW));
    assertEquals(Optional.empty(), limit.refuse(address, Instant.parse("2031-05-06T08:00:00Z")));
  }

  @Test
  void aMalformedFormIsRefusedBeforeItCounts() {
    // In the container a call has no client address: it counts under the shared "no address".
    RateWindow window = new RateWindow("sign-up", 1, SignUpLimit.WINDOW);
    Instant now = clock.now();
    int before = counts.hits(window.key(null, now));

    assertThrows(
        DomainException.class,
        () -> signUp.register(new AgencySignUp.Form("", "", "not-an-address", "short")));

    assertEquals(before, counts.hits(window.key(null, now)));
  }
}
