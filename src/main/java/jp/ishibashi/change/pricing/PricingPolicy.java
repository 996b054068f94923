package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;

/**
 * An agency's pricing settings for change requests. {@link #defaults()} gives the portal's
 * defaults; an agency admin may set its own.
 *
 * <p><b>Kill fees</b> (中途解約料) are the share of a line's amount still paid when the line, or part of
 * its quantity, is removed: by default 100% of a delivered line and 50% of a line in progress.
 *
 * <p><b>Rush tiers</b> (特急料金) give the surcharge on added work by the calendar days left from the
 * request to the due date. The tier with the highest {@code minDaysLeft} not above the days left
 * applies; by default 14 days or more 0%, 7–13 days 25%, 3–6 days 50%, under 3 days 100%.
 *
 * <p><b>Effort</b>, which sizes the due-date extension offered instead of the surcharge, is counted
 * in working hours: a line in hours counts its quantity, a line in days 8 hours a day ({@link
 * #HOURS_PER_DAY}), and a line in any other unit (pages, screens, items, a lump sum) its amount
 * divided by the hourly estimate for its currency. The extension is the added hours divided by the
 * daily capacity, rounded up to whole calendar days.
 *
 * @param killFeeDelivered share of a delivered line's amount kept when it is removed, 0 to 1
 * @param killFeeInProgress share of a line in progress kept when it is removed, 0 to 1
 * @param rushTiers the surcharge table; one tier must start at 0 days
 * @param dailyCapacityHours hours of added work the subcontractor absorbs per calendar day
 * @param hourlyEstimates per currency, the amount one hour of work is worth, to convert lines in
 *     units other than hours and days into hours
 */
public record PricingPolicy(
    BigDecimal killFeeDelivered,
    BigDecimal killFeeInProgress,
    List<RushTier> rushTiers,
    BigDecimal dailyCapacityHours,
    Map<Currency, Money> hourlyEstimates) {

  /** A day of a line counted in days is this many hours of work. */
  public static final BigDecimal HOURS_PER_DAY = new BigDecimal("8");

  /**
   * From {@code minDaysLeft} calendar days left before the due date, added work costs {@code rate}
   * more (0.25 is 25%).
   */
  public record RushTier(int minDaysLeft, BigDecimal rate) {

    public RushTier {
      Objects.requireNonNull(rate, "rate");
    }
  }

  public PricingPolicy {
    requireShare(killFeeDelivered, "killFeeDelivered");
    requireShare(killFeeInProgress, "killFeeInProgress");
    rushTiers =
        rushTiers.stream()
            .sorted(Comparator.comparingInt(RushTier::minDaysLeft).reversed())
            .toList();
    Set<Integer> starts = new HashSet<>();
    for (RushTier tier : rushTiers) {
      if (tier.minDaysLeft() < 0 || tier.rate().signum() < 0 || !starts.add(tier.minDaysLeft())) {
        throw DomainException.at("rushTiers", "error.pricingPolicy.rushTiers");
      }
    }
    if (!starts.contains(0)) {
      throw DomainException.at("rushTiers", "error.pricingPolicy.rushTiers");
    }
    if (dailyCapacityHours == null || dailyCapacityHours.signum() <= 0) {
      throw DomainException.at("dailyCapacityHours", "error.pricingPolicy.dailyCapacity");
    }
    hourlyEstimates = Map.copyOf(hourlyEstimates);
    hourlyEstimates.forEach(
        (currency, rate) -> {
          if (!rate.currency().equals(currency) || !rate.isPositive()) {
            throw DomainException.at("hourlyEstimates", "error.pricingPolicy.hourlyEstimate");
          }
        });
  }

  /**
   * The portal's defaults: kill fees 100% delivered and 50% in progress; rush 0% from 14 days, 25%
   * from 7, 50% from 3, 100% under 3; 8 hours of added work a day; an hour of work estimated at
   * ¥5,000 or $50.
   */
  public static PricingPolicy defaults() {
    return new PricingPolicy(
        new BigDecimal("1.00"),
        new BigDecimal("0.50"),
        List.of(
            new RushTier(14, new BigDecimal("0.00")),
            new RushTier(7, new BigDecimal("0.25")),
            new RushTier(3, new BigDecimal("0.50")),
            new RushTier(0, new BigDecimal("1.00"))),
        HOURS_PER_DAY,
        Map.of(
            Money.currency("JPY"), Money.of("5000", "JPY"),
            Money.currency("USD"), Money.of("50.00", "USD")));
  }

  /** This policy with other kill fees: shares of 0 to 1 of a delivered line and one in progress. */
  public PricingPolicy withKillFees(BigDecimal delivered, BigDecimal inProgress) {
    return new PricingPolicy(delivered, inProgress, rushTiers, dailyCapacityHours, hourlyEstimates);
  }

  public PricingPolicy withRushTiers(List<RushTier> tiers) {
    return new PricingPolicy(
        killFeeDelivered, killFeeInProgress, tiers, dailyCapacityHours, hourlyEstimates);
  }

  public PricingPolicy withDailyCapacity(BigDecimal hours) {
    return new PricingPolicy(
        killFeeDelivered, killFeeInProgress, rushTiers, hours, hourlyEstimates);
  }

  /** The tier for so many calendar days left (a negative count, an overdue order, counts as 0). */
  public RushTier tierFor(long daysLeft) {
    for (RushTier tier : rushTiers) {
      if (daysLeft >= tier.minDaysLeft()) {
        return tier;
      }
    }
    return rushTiers.get(rushTiers.size() - 1);
  }

  /** The share of a line's amount kept when work at this progress is removed. */
  public BigDecimal killFee(Progress progress) {
    return switch (progress) {
      case DELIVERED -> killFeeDelivered;
      case IN_PROGRESS -> killFeeInProgress;
      case NOT_STARTED -> BigDecimal.ZERO;
    };
  }

  public Optional<Money> hourlyEstimate(Currency currency) {
    return Optional.ofNullable(hourlyEstimates.get(currency));
  }

  private static void requireShare(BigDecimal share, String field) {
    if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw DomainException.at(field, "error.pricingPolicy.killFee");
    }
  }
}
