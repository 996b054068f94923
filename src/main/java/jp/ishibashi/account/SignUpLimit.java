package jp.ishibashi.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.ishibashi.platform.RateLimits;
import jp.ishibashi.platform.RateWindow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many agencies one address may sign up an hour: {@code portal.sign-up.per-ip-per-hour},
 * counted across every node ({@link RateLimits}). Each sign-up creates a tenant and sends a mail,
 * and the page is open to anyone.
 */
@ApplicationScoped
public class SignUpLimit {

  static final Duration WINDOW = Duration.ofHours(1);

  private RateWindow window;
  private RateLimits limits;

  protected SignUpLimit() {}

  @Inject
  public SignUpLimit(
      @ConfigProperty(name = "portal.sign-up.per-ip-per-hour") int perHour, RateLimits limits) {
    this.window = new RateWindow("sign-up", perHour, WINDOW);
    this.limits = limits;
  }

  /** Counts a sign-up from {@code address}; empty when it may go ahead, else when it may again. */
  public Optional<Instant> refuse(String address, Instant now) {
    return limits.acquire(window, address, now);
  }
}
