package jp.ishibashi.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many events one subject had in one window of one {@link RateWindow}, for every node. */
@Entity
@Table(name = "rate_count")
public class RateCount {

  @Id
  @Column(name = "count_key", length = 200)
  private String key;

  @Column(name = "window_end", nullable = false)
  private Instant windowEnd;

  @Column(nullable = false)
  private int hits;

  protected RateCount() {}

  RateCount(String key, Instant windowEnd, int hits) {
    this.key = key;
    this.windowEnd = windowEnd;
    this.hits = hits;
  }

  int hits() {
    return hits;
  }
}
