package jp.ishibashi.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.ishibashi.platform.RateLimits;
import jp.ishibashi.platform.RateWindow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one address may use the anonymous verification, page and API together: {@code
 * portal.verify.per-ip-per-minute} times a minute, counted across every node ({@link RateLimits}).
 * Each verification parses a PDF of up to 20 MB and writes a log row, so without a limit anyone
 * could keep the CPU busy and grow the log at will.
 */
@ApplicationScoped
public class VerificationLimit {

  static final Duration WINDOW = Duration.ofMinutes(1);

  private RateWindow window;
  private RateLimits limits;

  protected VerificationLimit() {}

  @Inject
  VerificationLimit(
      @ConfigProperty(name = "portal.verify.per-ip-per-minute") int perMinute, RateLimits limits) {
    this.window = new RateWindow("verify", perMinute, WINDOW);
    this.limits = limits;
  }

  /**
   * Counts a verification from {@code address}; empty when it may go ahead, otherwise when it may
   * try again. A request without an address (none outside HTTP) shares one count.
   */
  public Optional<Instant> refuse(String address, Instant now) {
    return limits.acquire(window, address, now);
  }
}
