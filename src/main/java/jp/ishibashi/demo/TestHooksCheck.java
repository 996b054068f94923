package jp.ishibashi.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Shows on {@code /health} whether the test hooks are on. It never fails the check (tests need
 * the portal up), but the name and data say loudly that this portal is not fit for production.
 */
@Liveness
@ApplicationScoped
public class TestHooksCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    boolean on = TestHooks.enabled();
    return HealthCheckResponse.named(on ? "TEST-HOOKS-ON-NOT-FOR-PRODUCTION" : "test-hooks")
        .up()
        .withData("adjustableClock", on)
        .withData(
            "note",
            on
                ? "portal.clock.adjustable=true: anyone may move the clock. Never in production."
                : "off")
        .build();
  }
}
