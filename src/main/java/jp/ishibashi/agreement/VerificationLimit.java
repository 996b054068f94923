package jp.ishibashi.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.ishibashi.platform.RateLimiter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one address may use the anonymous verification, page and API together: {@code
 * portal.verify.per-ip-per-minute} times a minute. Each verification parses a PDF of up to 20 MB
 * and writes a log row, so without a limit anyone could keep the CPU busy and grow the log at
 * will. Counted in this node's memory, for at most {@value #MAX_ADDRESSES} addresses.
 */
@ApplicationScoped
public class VerificationLimit {

  static final int MAX_ADDRESSES = 10_000;
  static final Duration WINDOW = Duration.ofMinutes(1);

  private RateLimiter limiter;

  protected VerificationLimit() {}

  @Inject
  VerificationLimit(@ConfigProperty(name = "portal.verify.per-ip-per-minute") int perMinute) {
    this.limiter = new RateLimiter(perMinute, WINDOW, MAX_ADDRESSES);
  }

  /**
   * Counts a verification from {@code address}; empty when it may go ahead, otherwise when it may
   * try again. A request without an address (none outside HTTP) shares one count.
   */
  public Optional<Instant> refuse(String address, Instant now) {
    String key = address == null ? "" : address;
    return limiter.tryAcquire(key, now) ? Optional.empty() : Optional.of(limiter.retryAt(key, now));
  }
}
