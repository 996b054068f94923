package jp.ishibashi.change.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.ishibashi.change.policy.PolicyForm.Tier;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.PricingPolicy.RushTier;
import jp.ishibashi.change.pricing.RateCard;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin's form of a pricing policy: percent in, shares out, every refusal at its field. */
class PolicyFormTest {

  static final PolicyForm DEFAULTS = PolicyForm.of(AgencyPricing.defaults(), 0);

  static Tier tier(Integer days, String percent) {
    return new Tier(days, percent == null ? null : new BigDecimal(percent));
  }

  static BigDecimal dec(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  /** The defaults' form with one thing changed. */
  static PolicyForm with(UnaryOperator<Fields> change) {
    return change.apply(new Fields(DEFAULTS)).form();
  }

  /** A mutable copy of a form's fields, so that each case changes one of them. */
  static final class Fields {
    BigDecimal delivered;
    BigDecimal inProgress;
    BigDecimal capacity;
    BigDecimal jpy;
    BigDecimal usd;
    Integer days;
    Integer grace;
    Integer demand;
    List<Tier> tiers;

    Fields(PolicyForm f) {
      delivered = f.killFeeDelivered();
      inProgress = f.killFeeInProgress();
      capacity = f.dailyCapacityHours();
      jpy = f.hourlyEstimateJpy();
      usd = f.hourlyEstimateUsd();
      days = f.quoteValidDays();
      grace = f.graceDays();
      demand = f.demandDays();
      tiers = new ArrayList<>(f.rushTiers());
    }

    Fields delivered(String v) {
      delivered = dec(v);
      return this;
    }

    Fields inProgress(String v) {
      inProgress = dec(v);
      return this;
    }

    Fields capacity(String v) {
      capacity = dec(v);
      return this;
    }

    Fields jpy(String v) {
      jpy = dec(v);
      return this;
    }

    Fields usd(String v) {
      usd = dec(v);
      return this;
    }

    Fields days(Integer v) {
      days = v;
      return this;
    }

    Fields grace(Integer v) {
      grace = v;
      return this;
    }

    Fields demand(Integer v) {
      demand = v;
      return this;
    }

    Fields tiers(Tier... v) {
      tiers = Arrays.asList(v);
      return this;
    }

    PolicyForm form() {
      return new PolicyForm(
          delivered, inProgress, capacity, jpy, usd, days, grace, demand, tiers, 3);
    }
  }

  @Test
  void theDefaultsShowAsAPersonWouldTypeThem() {
    assertThat(DEFAULTS.killFeeDelivered()).hasToString("100");
    assertThat(DEFAULTS.killFeeInProgress()).hasToString("50");
    assertThat(DEFAULTS.dailyCapacityHours()).hasToString("8");
    assertThat(DEFAULTS.hourlyEstimateJpy()).hasToString("5000");
    assertThat(DEFAULTS.hourlyEstimateUsd()).hasToString("50.00");
    assertThat(DEFAULTS.quoteValidDays()).isEqualTo(7);
    assertThat(DEFAULTS.graceDays()).isEqualTo(7);
    assertThat(DEFAULTS.demandDays()).isEqualTo(7);
    assertThat(DEFAULTS.rushTiers())
        .extracting(t -> t.minDaysLeft() + ":" + t.ratePercent())
        .containsExactly("14:0", "7:25", "3:50", "0:100");
    assertThat(DEFAULTS.version()).isZero();
  }

  @Test
  void theDefaultsFormGivesBackTheDefaults() {
    AgencyPricing pricing = DEFAULTS.toPricing(RateCard.empty());

    assertThat(pricing).isEqualTo(AgencyPricing.defaults());
  }

  @Test
  void percentagesBecomeSharesAndTiersAreSortedByDays() {
    RateCard card = RateCard.empty().with(Unit.HOUR, null, Money.of("6000", "JPY"));
    AgencyPricing pricing =
        with(f ->
                f.delivered("80")
                    .inProgress("33.5")
                    .capacity("6.5")
                    .jpy("7000")
                    .usd("65.5")
                    .days(14)
                    .tiers(tier(0, "30"), tier(10, "12.25")))
            .toPricing(card);

    PricingPolicy policy = pricing.policy();
    assertThat(policy.killFeeDelivered()).isEqualByComparingTo("0.80");
    assertThat(policy.killFeeInProgress()).isEqualByComparingTo("0.335");
    assertThat(policy.dailyCapacityHours()).isEqualByComparingTo("6.5");
    assertThat(policy.hourlyEstimate(PolicyForm.JPY)).contains(Money.of("7000", "JPY"));
    assertThat(policy.hourlyEstimate(PolicyForm.USD)).contains(Money.of("65.50", "USD"));
    assertThat(policy.rushTiers()).extracting(RushTier::minDaysLeft).containsExactly(10, 0);
    assertThat(policy.tierFor(12).rate()).isEqualByComparingTo("0.1225");
    assertThat(policy.tierFor(9).rate()).isEqualByComparingTo("0.30");
    assertThat(pricing.quoteValidDays()).isEqualTo(14);
    assertThat(pricing.rateCard()).isSameAs(card);
  }

  @Test
  void graceAndDemandDaysRoundTrip() {
    PolicyForm typed = with(f -> f.grace(0).demand(90));

    AgencyPricing pricing = typed.toPricing(RateCard.empty());
    PolicyForm shown = PolicyForm.of(pricing, 4);

    assertThat(pricing.nonPerformance()).isEqualTo(new NonPerformanceTerms(0, 90));
    assertThat(shown.graceDays()).isZero();
    assertThat(shown.demandDays()).isEqualTo(90);
    assertThat(with(f -> f.grace(90).demand(1)).toPricing(RateCard.empty()).nonPerformance())
        .isEqualTo(new NonPerformanceTerms(90, 1));
  }

  @Test
  void nonPerformanceTermsRefuseDaysOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> new NonPerformanceTerms(-1, 7));
    assertThatIllegalArgumentException().isThrownBy(() -> new NonPerformanceTerms(91, 7));
    assertThatIllegalArgumentException().isThrownBy(() -> new NonPerformanceTerms(7, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new NonPerformanceTerms(7, 91));
  }

  @Test
  void theSamePercentagesTypedDifferentlyGiveEqualPolicies() {
    PolicyForm tidy = with(f -> f.delivered("80").capacity("6").tiers(tier(0, "30")));
    PolicyForm padded = with(f -> f.delivered("80.00").capacity("6.00").tiers(tier(0, "30.0")));

    assertThat(padded.toPricing(RateCard.empty())).isEqualTo(tidy.toPricing(RateCard.empty()));
  }

  @Test
  void aSavedPolicyShowsAgainAsItWasTyped() {
    PolicyForm typed =
        with(f -> f.delivered("80").inProgress("33.5").tiers(tier(10, "12.25"), tier(0, "30")));

    PolicyForm shown = PolicyForm.of(typed.toPricing(RateCard.empty()), 4);

    assertThat(shown.killFeeInProgress()).hasToString("33.5");
    assertThat(shown.rushTiers()).containsExactly(tier(10, "12.25"), tier(0, "30"));
    assertThat(shown.version()).isEqualTo(4);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(with(f -> f.delivered(null)), "killFeeDelivered", "error.field.required"),
        Arguments.of(
            with(f -> f.delivered("100.01")), "killFeeDelivered", "error.pricingPolicy.killFee"),
        Arguments.of(
            with(f -> f.delivered("12.345")), "killFeeDelivered", "error.pricingPolicy.decimals"),
        Arguments.of(
            with(f -> f.delivered("1e300000000")), "killFeeDelivered", "error.number.outOfBounds"),
        Arguments.of(
            with(f -> f.capacity("1e-300000000")),
            "dailyCapacityHours",
            "error.pricingPolicy.decimals"),
        Arguments.of(
            with(f -> f.jpy("1e300000000")), "hourlyEstimateJpy", "error.amount.tooLarge"),
        Arguments.of(
            with(f -> f.inProgress("-1")), "killFeeInProgress", "error.pricingPolicy.killFee"),
        Arguments.of(
            with(f -> f.capacity("0")), "dailyCapacityHours", "error.pricingPolicy.dailyCapacity"),
        Arguments.of(
            with(f -> f.capacity("24.5")),
            "dailyCapacityHours",
            "error.pricingPolicy.dailyCapacityMax"),
        Arguments.of(with(f -> f.capacity(null)), "dailyCapacityHours", "error.field.required"),
        Arguments.of(
            with(f -> f.jpy("0")), "hourlyEstimateJpy", "error.pricingPolicy.hourlyEstimate"),
        Arguments.of(
            with(f -> f.jpy("4999.5")), "hourlyEstimateJpy", "error.money.tooManyDecimals"),
        Arguments.of(
            with(f -> f.jpy("1000000000000")),
            "hourlyEstimateJpy",
            "error.amount.tooLarge"),
        Arguments.of(
            with(f -> f.usd("-50")), "hourlyEstimateUsd", "error.pricingPolicy.hourlyEstimate"),
        Arguments.of(with(f -> f.usd(null)), "hourlyEstimateUsd", "error.field.required"),
        Arguments.of(with(f -> f.days(0)), "quoteValidDays", "error.pricingPolicy.quoteValidDays"),
        Arguments.of(with(f -> f.days(31)), "quoteValidDays", "error.pricingPolicy.quoteValidDays"),
        Arguments.of(with(f -> f.days(null)), "quoteValidDays", "error.field.required"),
        Arguments.of(with(f -> f.grace(null)), "graceDays", "error.field.required"),
        Arguments.of(with(f -> f.grace(-1)), "graceDays", "error.pricingPolicy.graceDays"),
        Arguments.of(with(f -> f.grace(91)), "graceDays", "error.pricingPolicy.graceDays"),
        Arguments.of(with(f -> f.demand(null)), "demandDays", "error.field.required"),
        Arguments.of(with(f -> f.demand(0)), "demandDays", "error.pricingPolicy.demandDays"),
        Arguments.of(with(f -> f.demand(91)), "demandDays", "error.pricingPolicy.demandDays"),
        Arguments.of(with(f -> f.tiers()), "rushTiers", "error.pricingPolicy.rushTiers"),
        Arguments.of(
            with(f -> f.tiers(tier(3, "50"))), "rushTiers", "error.pricingPolicy.rushTiers"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "10"), tier(0, "20"))),
            "rushTiers",
            "error.pricingPolicy.rushTiers"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "-5"))), "rushTiers", "error.pricingPolicy.rushTiers"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "10"), tier(-1, "5"))),
            "rushTiers",
            "error.pricingPolicy.rushTiers"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "1000.01"))), "rushTiers", "error.pricingPolicy.rushRateMax"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "0.125"))), "rushTiers", "error.pricingPolicy.decimals"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "10"), tier(5, null))),
            "rushTiers",
            "error.pricingPolicy.tierIncomplete"),
        Arguments.of(
            with(f -> f.tiers(tier(0, "10"), null)),
            "rushTiers",
            "error.pricingPolicy.tierIncomplete"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("refusals")
  void badInputIsRefusedAtItsField(PolicyForm form, String field, String key) {
    Refusals.assertRefused(() -> form.toPricing(RateCard.empty()), field, key);
  }

  @Test
  void theAuditDetailsNameEverySetting() {
    assertThat(PricingPolicies.describe(AgencyPricing.defaults()))
        .isEqualTo(
            "kill fees 100% delivered, 50% in progress; daily capacity 8 h;"
                + " hourly estimates JPY 5000, USD 50.00; quotes valid 7 days;"
                + " demand for performance 7 days after the due date, giving 7 days;"
                + " rush tiers 14+ days 0%, 7+ days 25%, 3+ days 50%, 0+ days 100%");
  }
}
