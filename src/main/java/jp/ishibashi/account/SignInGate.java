package jp.ishibashi.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.ishibashi.platform.RateLimits;
import jp.ishibashi.platform.RateWindow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits checked before any password is hashed: at most {@code portal.sign-in.ip-max-failures}
 * failed sign-ins per client address within {@code portal.sign-in.ip-window-minutes}, counted
 * across every node ({@link RateLimits}), and this node's cap on hashes running at once, {@code
 * portal.sign-in.concurrent-hashes} (unset or 0: twice the processors; {@link SignInLimits}).
 */
@ApplicationScoped
public class SignInGate {

  @Inject
  @ConfigProperty(name = "portal.sign-in.ip-max-failures", defaultValue = "50")
  int ipMaxFailures;

  @Inject
  @ConfigProperty(name = "portal.sign-in.ip-window-minutes", defaultValue = "15")
  int ipWindowMinutes;

  @Inject
  @ConfigProperty(name = "portal.sign-in.concurrent-hashes", defaultValue = "0")
  int concurrentHashes;

  @Inject private RateLimits shared;

  private RateWindow ipFailures;
  private SignInLimits hashes;

  @PostConstruct
  void init() {
    ipFailures = new RateWindow("sign-in-ip", ipMaxFailures, Duration.ofMinutes(ipWindowMinutes));
    hashes =
        new SignInLimits(
            concurrentHashes > 0
                ? concurrentHashes
                : 2 * Runtime.getRuntime().availableProcessors());
  }

  /** When the address may try again, if it has used up its failures at {@code now}. */
  public Optional<Instant> ipBlockedUntil(String ip, Instant now) {
    return shared.limitedUntil(ipFailures, ip, now);
  }

  /** Counts a failed sign-in (a wrong password, an unknown or malformed address) of the address. */
  public void failed(String ip, Instant now) {
    shared.record(ipFailures, ip, now);
  }

  /** A permit to hash one password on this node, if one is free now; never waits. */
  public Optional<SignInLimits.HashPermit> tryHash() {
    return hashes.tryHash();
  }
}
