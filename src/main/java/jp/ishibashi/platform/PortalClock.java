package jp.ishibashi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's only source of the current time. Tests may move it forward when {@code
 * portal.clock.adjustable} is set, so that expiry and deadlines are tested without sleeping.
 */
@ApplicationScoped
public class PortalClock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private boolean adjustable;
  private ZoneId zone;
  private Clock base = Clock.systemUTC();

  protected PortalClock() {}

  @Inject
  PortalClock(
      @ConfigProperty(name = "portal.clock.adjustable") boolean adjustable,
      @ConfigProperty(name = "portal.time-zone") String zone) {
    this.adjustable = adjustable;
    this.zone = ZoneId.of(zone);
  }

  public Instant now() {
    return base.instant().plus(offset.get());
  }

  /** Today's date in the portal's time zone (Japan by default), for due dates and deadlines. */
  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** The portal's time zone, in which dates are shown and deadlines fall. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether tests may move this clock (portal.clock.adjustable); never in production. */
  public boolean isAdjustable() {
    return adjustable;
  }

  /** Moves the clock forward; refused unless the clock was configured adjustable. */
  public void advance(Duration by) {
    if (!adjustable) {
      throw new IllegalStateException("The clock is not adjustable in this configuration");
    }
    offset.updateAndGet(o -> o.plus(by));
  }

  /**
   * Back to the real time; refused unless adjustable. Tests that move the clock call it when
   * they end, because every test of a run shares one portal.
   */
  public void reset() {
    if (!adjustable) {
      throw new IllegalStateException("The clock is not adjustable in this configuration");
    }
    offset.set(Duration.ZERO);
  }
}
