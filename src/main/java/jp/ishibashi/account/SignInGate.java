package jp.ishibashi.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's {@link SignInLimits}, configured by {@code portal.sign-in.ip-max-failures}, {@code
 * portal.sign-in.ip-window-minutes} and {@code portal.sign-in.concurrent-hashes} (unset or 0: twice
 * the processors). They live in memory, so each node counts its own clients.
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

  private SignInLimits limits;

  @PostConstruct
  void init() {
    int hashes =
        concurrentHashes > 0 ? concurrentHashes : 2 * Runtime.getRuntime().availableProcessors();
    limits = new SignInLimits(ipMaxFailures, Duration.ofMinutes(ipWindowMinutes), hashes);
  }

  public Optional<Instant> ipBlockedUntil(String ip, Instant now) {
    return limits.ipBlockedUntil(ip, now);
  }

  public void failed(String ip, Instant now) {
    limits.failed(ip, now);
  }

  public Optional<SignInLimits.HashPermit> tryHash() {
    return limits.tryHash();
  }
}
