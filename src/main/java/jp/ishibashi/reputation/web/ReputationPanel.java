package jp.ishibashi.reputation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.ishibashi.reputation.Reputation;
import jp.ishibashi.reputation.ReputationFacts;

/**
 * What the reputation panel shows of an agency: its facts, computed once per request however often
 * the page refers to them, and days with one decimal.
 */
@Named
@RequestScoped
public class ReputationPanel {

  @Inject private Reputation reputation;

  private final Map<Long, ReputationFacts> computed = new HashMap<>();

  public ReputationFacts of(long agencyId) {
    return computed.computeIfAbsent(agencyId, reputation::of);
  }

  /** Days with one decimal, the same in every language: 2.5. */
  public String days(Double days) {
    return days == null ? "" : String.format(Locale.ROOT, "%.1f", days);
  }
}
