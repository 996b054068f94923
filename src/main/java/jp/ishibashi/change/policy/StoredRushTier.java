package jp.ishibashi.change.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import jp.ishibashi.change.pricing.PricingPolicy.RushTier;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One row of an agency's stored rush surcharge table (特急料金). A row is identified by the days it
 * starts from: a save updates the rate of a row whose start is kept, adds new starts and removes
 * the rest, so no save ever holds two rows of one start, even for a moment.
 */
@Entity
@Table(name = "rush_tier")
@Multitenant(MultitenantType.SINGLE_TABLE)
class StoredRushTier {

  @Id
  @SequenceGenerator(name = "rush_tier_seq", sequenceName = "rush_tier_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rush_tier_seq")
  private Long id;

  @Column(name = "min_days_left", nullable = false)
  private int minDaysLeft;

  @Column(name = "rate_pct", nullable = false, precision = 6, scale = 2)
  private BigDecimal ratePercent;

  protected StoredRushTier() {}

  StoredRushTier(RushTier tier) {
    this.minDaysLeft = tier.minDaysLeft();
    rate(tier);
  }

  int getMinDaysLeft() {
    return minDaysLeft;
  }

  /** Takes the rate of a tier with the same start. */
  void rate(RushTier tier) {
    this.ratePercent = StoredPricingPolicy.toPercent(tier.rate());
  }

  RushTier toTier() {
    return new RushTier(minDaysLeft, Amounts.share(ratePercent));
  }
}
