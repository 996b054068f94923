package jp.ishibashi.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The cap on password hashes running at once on this node: at most {@code concurrentHashes}. An
 * attempt over it is refused at once, without hashing, so a flood of guesses costs the portal
 * almost nothing and a user's own sign-in is not queued behind it. It guards this node's CPU, so
 * it is counted per node; the per-address and per-account limits are shared by every node ({@link
 * SignInGate}, {@link SignInThrottle}).
 *
 * <p>Thread-safe.
 */
public final class SignInLimits {

  /** What a refused attempt is told to wait when every hash is busy. */
  public static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  private final Semaphore hashes;

  public SignInLimits(int concurrentHashes) {
    if (concurrentHashes < 1) {
      throw new IllegalArgumentException("concurrentHashes ≥ 1");
    }
    this.hashes = new Semaphore(concurrentHashes);
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
