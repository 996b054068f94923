package jp.ishibashi.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A limit of {@code limit} events per subject (a client address) within fixed windows of {@code
 * length}, aligned on the epoch so that every node puts an instant in the same window. A burst
 * across a window's end may reach twice the limit: the price of a count every node can share with
 * one row.
 *
 * @param name names the limit in the shared counts (short, no {@code |})
 */
public record RateWindow(String name, int limit, Duration length) {

  public RateWindow {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("|")) {
      throw new IllegalArgumentException("A short name without '|'");
    }
    if (limit < 1 || length.isNegative() || length.toSeconds() < 1) {
      throw new IllegalArgumentException("limit ≥ 1 and a window of at least a second");
    }
  }

  /** Where the window holding {@code now} starts. */
  public Instant start(Instant now) {
    long seconds = length.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
  }

  /** Where the window holding {@code now} ends: when a limited subject may act again. */
  public Instant end(Instant now) {
    return start(now).plus(Duration.ofSeconds(length.toSeconds()));
  }

  /**
   * The shared count's key for {@code subject} at {@code now}. A missing subject (no address
   * outside HTTP) shares one count; a subject is cut to 100 characters.
   */
  public String key(String subject, Instant now) {
    String who = subject == null || subject.isBlank() ? "-" : subject.strip();
    if (who.length() > 100) {
      who = who.substring(0, 100);
    }
    return name + "|" + start(now).getEpochSecond() + "|" + who;
  }
}
