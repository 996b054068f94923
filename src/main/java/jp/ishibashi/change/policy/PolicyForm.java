package jp.ishibashi.change.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.PricingPolicy.RushTier;
import jp.ishibashi.change.pricing.RateCard;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;

/**
 * An agency's pricing policy as its admin edits it: percentages rather than shares, amounts as
 * typed, any field possibly blank. {@link #toPricing} checks it field by field, leaving the rules
 * of a policy as a whole (kill fees from 0 to 100%, one rush tier from 0 days, distinct tiers,
 * rates of 0% or more, a positive capacity) to {@link PricingPolicy} itself, so they are written
 * once. A refusal names the field, which is the id of its input on the page.
 *
 * @param killFeeDelivered percent of a delivered line's amount kept when it is removed
 * @param killFeeInProgress percent of a line in progress kept when it is removed
 * @param dailyCapacityHours hours of added work absorbed per calendar day, above 0, at most 24
 * @param hourlyEstimateJpy what an hour of work is worth in yen
 * @param hourlyEstimateUsd what an hour of work is worth in US dollars
 * @param quoteValidDays days until a quote expires, 1 to 30
 * @param graceDays days after a due date before a demand for performance may be sent, 0 to 90
 * @param demandDays days a demand for performance gives to deliver, 1 to 90
 * @param rushTiers the surcharge table, in any order
 * @param version the stored policy's version the admin saw; 0 when the agency had none yet
 */
public record PolicyForm(
    BigDecimal killFeeDelivered,
    BigDecimal killFeeInProgress,
    BigDecimal dailyCapacityHours,
    BigDecimal hourlyEstimateJpy,
    BigDecimal hourlyEstimateUsd,
    Integer quoteValidDays,
    Integer graceDays,
    Integer demandDays,
    List<Tier> rushTiers,
    long version) {

  /** The currencies the policy holds an hourly estimate for. */
  static final Currency JPY = Money.currency("JPY");

  static final Currency USD = Money.currency("USD");

  /** A calendar day has 24 hours; more added work a day than that is a typing error. */
  static final BigDecimal MAX_DAILY_CAPACITY = new BigDecimal("24");

  /** The steepest surcharge accepted, 1000%: anything above is taken for a typing error. */
  static final BigDecimal MAX_RUSH_PERCENT = new BigDecimal("1000");

  /** One row of the rush table: from so many days left, so many percent more. */
  public record Tier(Integer minDaysLeft, BigDecimal ratePercent) {}

  public PolicyForm {
    rushTiers =
        rushTiers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rushTiers));
  }

  /** The form showing an agency's pricing as it is stored (version 0: not stored yet). */
  public static PolicyForm of(AgencyPricing pricing, long version) {
    PricingPolicy policy = pricing.policy();
    return new PolicyForm(
        Amounts.percent(policy.killFeeDelivered()),
        Amounts.percent(policy.killFeeInProgress()),
        Amounts.plain(policy.dailyCapacityHours()),
        policy.hourlyEstimate(JPY).map(Money::amount).orElse(null),
        policy.hourlyEstimate(USD).map(Money::amount).orElse(null),
        pricing.quoteValidDays(),
        pricing.nonPerformance().graceDays(),
        pricing.nonPerformance().demandDays(),
        policy.rushTiers().stream()
            .map(t -> new Tier(t.minDaysLeft(), Amounts.percent(t.rate())))
            .toList(),
        version);
  }

  /**
   * The pricing this form describes, with the agency's rate card; refused with a {@link
   * DomainException} at the first field that is blank or out of range.
   */
  public AgencyPricing toPricing(RateCard rateCard) {
    BigDecimal delivered = Amounts.twoDecimals(killFeeDelivered, "killFeeDelivered");
    BigDecimal inProgress = Amounts.twoDecimals(killFeeInProgress, "killFeeInProgress");
    BigDecimal capacity = Amounts.twoDecimals(dailyCapacityHours, "dailyCapacityHours");
    if (capacity.compareTo(MAX_DAILY_CAPACITY) > 0) {
      throw DomainException.at("dailyCapacityHours", "error.pricingPolicy.dailyCapacityMax");
    }
    Money jpy =
        Amounts.positive(
            hourlyEstimateJpy, JPY, "hourlyEstimateJpy", "error.pricingPolicy.hourlyEstimate");
    Money usd =
        Amounts.positive(
            hourlyEstimateUsd, USD, "hourlyEstimateUsd", "error.pricingPolicy.hourlyEstimate");
    int validDays =
        days(
            quoteValidDays,
            "quoteValidDays",
            "error.pricingPolicy.quoteValidDays",
            AgencyPricing.MIN_QUOTE_VALID_DAYS,
            AgencyPricing.MAX_QUOTE_VALID_DAYS);
    NonPerformanceTerms nonPerformance =
        new NonPerformanceTerms(
            days(
                graceDays,
                "graceDays",
                "error.pricingPolicy.graceDays",
                NonPerformanceTerms.MIN_GRACE_DAYS,
                NonPerformanceTerms.MAX_GRACE_DAYS),
            days(
                demandDays,
                "demandDays",
                "error.pricingPolicy.demandDays",
                NonPerformanceTerms.MIN_DEMAND_DAYS,
                NonPerformanceTerms.MAX_DEMAND_DAYS));
    PricingPolicy policy =
        new PricingPolicy(
            Amounts.share(delivered),
            Amounts.share(inProgress),
            tiers(),
            Amounts.plain(capacity),
            Map.of(jpy.currency(), jpy, usd.currency(), usd));
    return new AgencyPricing(policy, rateCard, validDays, nonPerformance);
  }

  /**
   * A number of days typed in a field, required and from {@code min} to {@code max}; refused at
   * the field, out of range with {@code key}, whose message is given both bounds.
   */
  private static int days(Integer value, String field, String key, int min, int max) {
    if (value == null) {
      throw DomainException.at(field, "error.field.required");
    }
    if (value < min || value > max) {
      throw DomainException.at(field, key, min, max);
    }
    return value;
  }

  private List<RushTier> tiers() {
    List<RushTier> tiers = new ArrayList<>();
    for (Tier tier : rushTiers) {
      if (tier == null || tier.minDaysLeft() == null || tier.ratePercent() == null) {
        throw DomainException.at("rushTiers", "error.pricingPolicy.tierIncomplete");
      }
      BigDecimal percent = Amounts.twoDecimals(tier.ratePercent(), "rushTiers");
      if (percent.compareTo(MAX_RUSH_PERCENT) > 0) {
        throw DomainException.at("rushTiers", "error.pricingPolicy.rushRateMax");
      }
      tiers.add(new RushTier(tier.minDaysLeft(), Amounts.share(percent)));
    }
    return tiers;
  }
}
