package jp.ishibashi.change.policy;

import java.util.Objects;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.RateCard;

/**
 * Everything an agency has set for pricing its change requests: the {@link PricingPolicy} (kill
 * fees, rush tiers, daily capacity, hourly estimates), its {@link RateCard} (単価表), and for how many
 * days a quote may be accepted before it expires, and its {@link NonPerformanceTerms} for overdue
 * work. An agency that has set nothing gets {@link #defaults()}, so every change request can be
 * priced from an agency's first day.
 *
 * @param quoteValidDays calendar days from pricing until a quote expires, 1 to 30
 * @param nonPerformance the grace and demand days before overdue work may be ended (催告解除)
 */
public record AgencyPricing(
    PricingPolicy policy,
    RateCard rateCard,
    int quoteValidDays,
    NonPerformanceTerms nonPerformance) {

  /** A quote expires after a week unless the agency says otherwise. */
  public static final int DEFAULT_QUOTE_VALID_DAYS = 7;

  public static final int MIN_QUOTE_VALID_DAYS = 1;

  /**
   * A month at most: a quote prices a change against the agreement and the days left to its due
   * date, both of which a longer wait makes stale.
   */
  public static final int MAX_QUOTE_VALID_DAYS = 30;

  public AgencyPricing {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(rateCard, "rateCard");
    Objects.requireNonNull(nonPerformance, "nonPerformance");
    if (quoteValidDays < MIN_QUOTE_VALID_DAYS || quoteValidDays > MAX_QUOTE_VALID_DAYS) {
      throw new IllegalArgumentException("quoteValidDays " + quoteValidDays);
    }
  }

  /**
   * The portal's defaults: {@link PricingPolicy#defaults()}, no rate card, quotes valid 7 days and
   * {@link NonPerformanceTerms#defaults()}.
   */
  public static AgencyPricing defaults() {
    return new AgencyPricing(
        PricingPolicy.defaults(),
        RateCard.empty(),
        DEFAULT_QUOTE_VALID_DAYS,
        NonPerformanceTerms.defaults());
  }
}
