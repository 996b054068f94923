package jp.ishibashi.change.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.RateCard;
import jp.ishibashi.shared.Money;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * The one stored pricing policy of an agency, created by its admin's first save; until then the
 * agency prices with the portal's defaults. Percentages are kept as percent and hourly estimates in
 * minor units, as the admin reads them. Its {@link Version} also guards the agency's {@link
 * StoredRushTier}s: every save increments it, so of two admins editing at once the second is told
 * of the conflict instead of overwriting the first.
 */
@Entity
@Table(name = "pricing_policy")
@Multitenant(MultitenantType.SINGLE_TABLE)
class StoredPricingPolicy {

  @Id
  @SequenceGenerator(
      name = "pricing_policy_seq",
      sequenceName = "pricing_policy_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pricing_policy_seq")
  private Long id;

  @Column(name = "kill_fee_delivered_pct", nullable = false, precision = 5, scale = 2)
  private BigDecimal killFeeDeliveredPercent;

  @Column(name = "kill_fee_in_progress_pct", nullable = false, precision = 5, scale = 2)
  private BigDecimal killFeeInProgressPercent;

  @Column(name = "daily_capacity_hours", nullable = false, precision = 4, scale = 2)
  private BigDecimal dailyCapacityHours;

  @Column(name = "hourly_estimate_jpy_minor", nullable = false)
  private long hourlyEstimateJpyMinor;

  @Column(name = "hourly_estimate_usd_minor", nullable = false)
  private long hourlyEstimateUsdMinor;

  @Column(name = "quote_valid_days", nullable = false)
  private int quoteValidDays;

  @Column(name = "grace_days", nullable = false)
  private int graceDays = NonPerformanceTerms.DEFAULT_GRACE_DAYS;

  @Column(name = "demand_days", nullable = false)
  private int demandDays = NonPerformanceTerms.DEFAULT_DEMAND_DAYS;

  @Version private long version;

  protected StoredPricingPolicy() {}

  StoredPricingPolicy(AgencyPricing pricing) {
    set(pricing);
  }

  /** Takes the settings of a checked pricing (its rate card is stored apart). */
  void set(AgencyPricing pricing) {
    PricingPolicy policy = pricing.policy();
    killFeeDeliveredPercent = toPercent(policy.killFeeDelivered());
    killFeeInProgressPercent = toPercent(policy.killFeeInProgress());
    dailyCapacityHours = policy.dailyCapacityHours().setScale(2, RoundingMode.UNNECESSARY);
    hourlyEstimateJpyMinor = policy.hourlyEstimate(PolicyForm.JPY).orElseThrow().minor();
    hourlyEstimateUsdMinor = policy.hourlyEstimate(PolicyForm.USD).orElseThrow().minor();
    quoteValidDays = pricing.quoteValidDays();
    graceDays = pricing.nonPerformance().graceDays();
    demandDays = pricing.nonPerformance().demandDays();
  }

  /** The pricing stored, with the agency's tiers and rate card. */
  AgencyPricing toPricing(List<StoredRushTier> tiers, RateCard rateCard) {
    PricingPolicy policy =
        new PricingPolicy(
            Amounts.share(killFeeDeliveredPercent),
            Amounts.share(killFeeInProgressPercent),
            tiers.stream().map(StoredRushTier::toTier).toList(),
            Amounts.plain(dailyCapacityHours),
            Map.of(
                PolicyForm.JPY,
                Money.ofMinor(hourlyEstimateJpyMinor, PolicyForm.JPY),
                PolicyForm.USD,
                Money.ofMinor(hourlyEstimateUsdMinor, PolicyForm.USD)));
    return new AgencyPricing(policy, rateCard, quoteValidDays, nonPerformance());
  }

  long getVersion() {
    return version;
  }

  static BigDecimal toPercent(BigDecimal share) {
    return share.movePointRight(2).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The agency's terms for non-performance. */
  NonPerformanceTerms nonPerformance() {
    return new NonPerformanceTerms(graceDays, demandDays);
  }
}
