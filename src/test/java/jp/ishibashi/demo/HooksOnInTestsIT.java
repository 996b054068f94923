package jp.ishibashi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test portal runs with {@code portal.clock.adjustable=true}: the clock hook answers, and
 * {@code /health} says loudly that this portal is not for production. ProductionSettingsIT shows
 * the other side: with the shipped settings nothing serves the hook.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HooksOnInTestsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  void healthWarnsThatTheTestHooksAreOn() {
    ApiClient.Reply health = new ApiClient(base).getFromRoot("../health");
    assertEquals(200, health.status(), health.body());
    assertTrue(health.body().contains("TEST-HOOKS-ON-NOT-FOR-PRODUCTION"), health.body());
    assertTrue(health.body().matches(".*\"adjustableClock\":\"?true\"?.*"), health.body());
  }

  @Test
  void theClockHookAnswersWhileTheyAreOn() {
    ApiClient.Reply moved =
        new ApiClient(base).post("test/clock", ApiClient.object("days", 0, "hours", 0));
    assertEquals(200, moved.status(), moved.body());
    assertTrue(moved.json().containsKey("deadlinesFired"), moved.body());
  }
}
