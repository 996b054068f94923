package jp.ishibashi.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sliding-window limit per key (an IP address, an account): at most {@code limit} events within
 * {@code window}. It lives in this node's memory and remembers at most {@code maxKeys} keys, the
 * least recently used leaving first, so a flood of new keys cannot exhaust the heap.
 *
 * <p>Thread-safe. Time comes from the caller, so tests move it instead of sleeping.
 */
public final class RateLimiter {

  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> events;

  public RateLimiter(int limit, Duration window, int maxKeys) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("limit ≥ 1, a positive window and maxKeys ≥ 1");
    }
    this.limit = limit;
    this.window = window;
    this.events =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /** Counts an event for {@code key} if the limit allows it; false (and nothing counted) if not. */
  public synchronized boolean tryAcquire(String key, Instant now) {
    Deque<Instant> recent = recent(key, now);
    if (recent.size() >= limit) {
      return false;
    }
    recent.addLast(now);
    return true;
  }

  /** Counts an event for {@code key}, whether or not the limit is reached. */
  public synchronized void record(String key, Instant now) {
    Deque<Instant> recent = recent(key, now);
    recent.addLast(now);
    while (recent.size() > limit) {
      recent.removeFirst();
    }
  }

  /** Whether {@code key} has reached its limit at {@code now}. */
  public synchronized boolean isLimited(String key, Instant now) {
    return recent(key, now).size() >= limit;
  }

  /** When {@code key} may act again: now if it is not limited. */
  public synchronized Instant retryAt(String key, Instant now) {
    Deque<Instant> recent = recent(key, now);
    return recent.size() < limit ? now : recent.peekFirst().plus(window);
  }

  private Deque<Instant> recent(String key, Instant now) {
    Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant start = now.minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
      recent.removeFirst();
    }
    return recent;
  }
}
