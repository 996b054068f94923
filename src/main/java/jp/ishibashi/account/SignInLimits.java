package jp.ishibashi.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import jp.ishibashi.platform.RateLimiter;

/**
 * The limits that hold before any password is hashed, on this node: at most {@code ipMaxFailures}
 * failed sign-ins per client IP within {@code ipWindow}, and at most {@code concurrentHashes}
 * password hashes at once. An attempt over either limit is refused at once, without hashing, so a
 * flood of guesses costs the portal almost nothing and a user's own sign-in is not queued behind
 * it.
 *
 * <p>Thread-safe; time comes from the caller. The per-account lock is separate ({@link
 * SignInThrottle}, in the database).
 */
public final class SignInLimits {

  /** What a refused attempt is told to wait when every hash is busy. */
  public static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  /** How many client addresses are remembered; the least recently used leave first. */
  static final int MAX_IPS = 100_000;

  private final RateLimiter ipFailures;
  private final Semaphore hashes;

  public SignInLimits(int ipMaxFailures, Duration ipWindow, int concurrentHashes) {
    if (concurrentHashes < 1) {
      throw new IllegalArgumentException("concurrentHashes ≥ 1");
    }
    this.ipFailures = new RateLimiter(ipMaxFailures, ipWindow, MAX_IPS);
    this.hashes = new Semaphore(concurrentHashes);
  }

  /** When the address may try again, if it has used up its failures at {@code now}. */
  public Optional<Instant> ipBlockedUntil(String ip, Instant now) {
    String key = key(ip);
    return ipFailures.isLimited(key, now)
        ? Optional.of(ipFailures.retryAt(key, now))
        : Optional.empty();
  }

  /** Counts a failed sign-in (a wrong password, an unknown or malformed address) of the address. */
  public void failed(String ip, Instant now) {
    ipFailures.record(key(ip), now);
  }

  /**
   * A permit to hash one password, if one is free now; never waits. Close it when the hash is
   * done.
   */
  public Optional<HashPermit> tryHash() {
    return hashes.tryAcquire() ? Optional.of(new HashPermit(hashes)) : Optional.empty();
  }

  /** How many hashes could start now. */
  public int freeHashes() {
    return hashes.availablePermits();
  }

  private static String key(String ip) {
    return ip == null || ip.isBlank() ? "(no address)" : ip;
  }

  /** One running hash; closing it again does nothing. */
  public static final class HashPermit implements AutoCloseable {
    private Semaphore semaphore;

    private HashPermit(Semaphore semaphore) {
      this.semaphore = semaphore;
    }

    @Override
    public synchronized void close() {
      if (semaphore != null) {
        semaphore.release();
        semaphore = null;
      }
    }
  }
}
