package jp.ishibashi.change.pricing;

import static jp.ishibashi.change.pricing.BreakdownLine.Kind.ADDED_LINE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.ADDED_QUANTITY;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.KILL_FEE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.PRICE_CHANGE;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.REMOVED;
import static jp.ishibashi.change.pricing.BreakdownLine.Kind.RUSH_SURCHARGE;
import static jp.ishibashi.change.pricing.Progress.DELIVERED;
import static jp.ishibashi.change.pricing.Progress.IN_PROGRESS;
import static jp.ishibashi.change.pricing.Progress.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.ishibashi.change.pricing.Edit.AddLine;
import jp.ishibashi.change.pricing.Edit.CancelRemaining;
import jp.ishibashi.change.pricing.Edit.ModifyLine;
import jp.ishibashi.change.pricing.Edit.MoveDueDate;
import jp.ishibashi.change.pricing.Edit.RemoveLine;
import jp.ishibashi.change.pricing.Note.Severity;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pricing rules of change requests, one story per test. The agreement of most stories is a
 * landing page: the design, a lump sum of ¥500,000 in progress, and the coding, 40 hours at ¥5,000
 * not started, due on 31 July; the agreed fee is ¥700,000.
 */
class PricingCalculatorTest {

  static final LocalDate DUE = LocalDate.of(2025, 7, 31);

  final PricingCalculator calculator = new PricingCalculator();

  static Money yen(long amount) {
    return Money.of(String.valueOf(amount), "JPY");
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static AgreedLine line(
      int number, String text, String quantity, Unit unit, Money price, Progress progress) {
    return new AgreedLine(
        number, text, new BigDecimal(quantity), unit, price, null, progress, false);
  }

  static AgreedScope landingPage() {
    return new AgreedScope(
        List.of(
            line(1, "Landing page design", "1", Unit.LUMP_SUM, yen(500_000), IN_PROGRESS),
            line(2, "Coding", "40", Unit.HOUR, yen(5_000), NOT_STARTED)),
        DUE,
        Money.currency("JPY"));
  }

  static AgreedScope only(AgreedLine line) {
    return new AgreedScope(List.of(line), DUE, Money.currency("JPY"));
  }

  /** Wireframes, a lump sum of ¥120,000, already delivered. */
  static AgreedScope deliveredWireframes() {
    return only(line(1, "Wireframes", "1", Unit.LUMP_SUM, yen(120_000), DELIVERED));
  }

  static AddLine add(String text, String quantity, Unit unit, Money price) {
    return new AddLine(text, new BigDecimal(quantity), unit, price, null, null);
  }

  /** The seed's story: a large added section, 60 hours at ¥5,000. */
  static AddLine campaignSection() {
    return add("Campaign section", "60", Unit.HOUR, yen(5_000));
  }

  static PricingInput input(AgreedScope agreement, LocalDate requestedOn, Edit... edits) {
    return new PricingInput(
        agreement,
        Proposal.of("The client's customer asked for it", edits),
        requestedOn,
        PricingPolicy.defaults(),
        null,
        false);
  }

  static PricingInput withholding(PricingInput input) {
    return new PricingInput(
        input.agreement(),
        input.proposal(),
        input.requestedOn(),
        input.policy(),
        input.rateCard(),
        true);
  }

  static PricingInput withRateCard(PricingInput input, RateCard card) {
    return new PricingInput(
        input.agreement(), input.proposal(), input.requestedOn(), input.policy(), card, false);
  }

  Quote price(PricingInput input) {
    return calculator.price(input);
  }

  static void assertRefused(Runnable pricing, String key, String field) {
    assertThatThrownBy(pricing::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  // Added work and the rush surcharge

  @Test
  void lineAddedFarFromTheDueDateCostsItsPriceWithNoSurcharge() {
    Quote quote = price(input(landingPage(), DUE.minusDays(20), campaignSection()));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::lineRef, BreakdownLine::amount)
        .containsExactly(
            tuple(ADDED_LINE, "A1", yen(300_000)), tuple(RUSH_SURCHARGE, null, yen(0)));
    assertThat(quote.rush().rate()).isZero();
    assertThat(quote.rush().daysLeft()).isEqualTo(20);
    assertThat(quote.scopeDelta()).isEqualTo(yen(300_000));
    assertThat(quote.totals())
        .isEqualTo(new QuoteTotals(yen(300_000), yen(30_000), yen(330_000), yen(0), yen(330_000)));
    assertThat(quote.totals().extraEscrow()).isEqualTo(yen(330_000));
    assertThat(quote.extension()).isNull();
    assertThat(quote.newDueDate()).isEqualTo(DUE);
  }

  @Test
  void bigChangeTwoDaysBeforeDeliveryAtTheSameDateCostsDouble() {
    Quote quote = price(input(landingPage(), DUE.minusDays(2), campaignSection()));

    assertThat(quote.rush())
        .isEqualTo(new RushSurcharge(new BigDecimal("1.00"), 2, yen(300_000), yen(300_000)));
    assertThat(quote.totals().subtotal()).isEqualTo(yen(600_000));
    assertThat(quote.totals().tax()).isEqualTo(yen(60_000));
    assertThat(quote.totals().total()).isEqualTo(yen(660_000));
    assertThat(quote.totals().extraEscrow()).isEqualTo(yen(660_000));
    assertThat(quote.explanationJa())
        .contains("追加作業 ¥300,000 に特急料金 100%（納期まで残り2日）= ¥300,000")
        .contains("追加仮払い ¥660,000");
    assertThat(quote.explanationEn())
        .contains(
            "Rush surcharge 100% on added work of ¥300,000 (2 days left until the due date) ="
                + " ¥300,000");
  }

  @Test
  void theSameChangeOffersTheExtensionThatAvoidsTheSurchargeSideBySide() {
    Quote quote = price(input(landingPage(), DUE.minusDays(2), campaignSection()));

    // 60 hours at 8 hours a day are 7.5 days, rounded up to 8.
    ExtensionAlternative extension = quote.extension();
    assertThat(extension.addedHours()).isEqualByComparingTo("60");
    assertThat(extension.days()).isEqualTo(8);
    assertThat(extension.newDueDate()).isEqualTo(DUE.plusDays(8));
    assertThat(extension.totals())
        .isEqualTo(new QuoteTotals(yen(300_000), yen(30_000), yen(330_000), yen(0), yen(330_000)));
    assertThat(quote.explanationJa())
        .contains("代案: 特急料金 ¥300,000 の代わりに納期を8日延長して 2025-08-08 とする")
        .contains("60時間 ÷ 1日8時間 = 7.5日、切り上げて8日");
    assertThat(quote.explanationEn()).contains("extend the due date by 8 days to 2025-08-08");
  }

  @Test
  void takingTheExtensionInsteadRemovesTheSurchargeAndMovesTheDueDate() {
    Quote offered = price(input(landingPage(), DUE.minusDays(2), campaignSection()));
    LocalDate later = offered.extension().newDueDate();

    Quote quote =
        price(input(landingPage(), DUE.minusDays(2), campaignSection(), new MoveDueDate(later)));

    assertThat(quote.rush().amount()).isEqualTo(yen(0));
    assertThat(quote.newDueDate()).isEqualTo(later);
    assertThat(quote.totals()).isEqualTo(offered.extension().totals());
    assertThat(quote.extension()).isNull();
    assertThat(quote.explanationJa()).contains("納期を8日延長するため、追加作業 ¥300,000 に特急料金はかかりません");
  }

  @Test
  void anExtensionShorterThanTheWorkNeedsStillPaysTheTierOfTheNewDate() {
    // 7 days later instead of the 8 needed: 9 days left, the 7–13 days tier.
    Quote quote =
        price(
            input(
                landingPage(),
                DUE.minusDays(2),
                campaignSection(),
                new MoveDueDate(DUE.plusDays(7))));

    assertThat(quote.rush().daysLeft()).isEqualTo(9);
    assertThat(quote.rush().amount()).isEqualTo(yen(75_000));
    assertThat(quote.extension().newDueDate()).isEqualTo(DUE.plusDays(8));
  }

  static Stream<Arguments> tiers() {
    return Stream.of(
        Arguments.of(14, "0.00", 0),
        Arguments.of(13, "0.25", 75_000),
        Arguments.of(7, "0.25", 75_000),
        Arguments.of(6, "0.50", 150_000),
        Arguments.of(3, "0.50", 150_000),
        Arguments.of(2, "1.00", 300_000),
        Arguments.of(0, "1.00", 300_000),
        Arguments.of(-3, "1.00", 300_000));
  }

  @ParameterizedTest(name = "{0} days left: {1}")
  @MethodSource("tiers")
  void rushTierBoundaries(int daysBefore, String rate, long surcharge) {
    Quote quote = price(input(landingPage(), DUE.minusDays(daysBefore), campaignSection()));

    assertThat(quote.rush().rate()).isEqualByComparingTo(rate);
    assertThat(quote.rush().daysLeft()).isEqualTo(Math.max(0, daysBefore));
    assertThat(quote.rush().amount()).isEqualTo(yen(surcharge));
  }

  @Test
  void agencyTiersAndCapacityReplaceTheDefaults() {
    PricingPolicy policy =
        PricingPolicy.defaults()
            .withRushTiers(
                List.of(
                    new PricingPolicy.RushTier(0, new BigDecimal("0.40")),
                    new PricingPolicy.RushTier(5, BigDecimal.ZERO)))
            .withDailyCapacity(new BigDecimal("6"));
    PricingInput input = input(landingPage(), DUE.minusDays(4), campaignSection());
    Quote quote =
        price(
            new PricingInput(
                input.agreement(), input.proposal(), input.requestedOn(), policy, null, false));

    assertThat(quote.rush().amount()).isEqualTo(yen(120_000));
    assertThat(quote.extension().days()).isEqualTo(10); // 60 h ÷ 6 h a day
  }

  @Test
  void effortOfDaysIsEightHoursAndOtherUnitsAreEstimatedFromTheirAmount() {
    // 2 days (16 h) + 2 screens at ¥50,000 (¥100,000 ÷ ¥5,000 an hour = 20 h) = 36 h: 5 days.
    Quote quote =
        price(
            input(
                landingPage(),
                DUE.minusDays(5),
                add("Review", "2", Unit.DAY, yen(40_000)),
                add("Two more screens", "2", Unit.SCREEN, yen(50_000))));

    assertThat(quote.extension().addedHours()).isEqualByComparingTo("36");
    assertThat(quote.extension().days()).isEqualTo(5);
    assertThat(quote.explanationJa()).contains("その他の明細 ¥100,000 を1時間 ¥5,000 で換算");
  }

  @Test
  void moreQuantityIsAddedWorkButAHigherPriceIsNot() {
    // Coding from 40 to 50 hours and from ¥5,000 to ¥6,000: ¥40,000 for the price of the kept 40
    // hours, ¥60,000 of added work, on which alone the 50% rush applies.
    Quote quote =
        price(
            input(
                landingPage(),
                DUE.minusDays(5),
                new ModifyLine(2, new BigDecimal("50"), yen(6_000), null, null)));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(
            tuple(PRICE_CHANGE, yen(40_000)),
            tuple(ADDED_QUANTITY, yen(60_000)),
            tuple(RUSH_SURCHARGE, yen(30_000)));
    assertThat(quote.scopeDelta()).isEqualTo(yen(100_000));
    assertThat(quote.extension().days()).isEqualTo(2); // 10 h at 8 h a day
    assertThat(quote.explanationJa())
        .contains("明細2「Coding」の数量を 40時間 から 50時間 に増加: 追加 10時間 × ¥6,000 = ¥60,000");
  }

  @Test
  void withoutAnHourlyEstimateTheChangeIsStillPricedButTheExtensionIsNotSized() {
    AgreedScope agreement =
        new AgreedScope(
            List.of(line(1, "Translation", "10", Unit.PAGE, Money.of("40.00", "EUR"), NOT_STARTED)),
            DUE,
            Money.currency("EUR"));

    Quote quote =
        price(
            input(
                agreement,
                DUE.minusDays(2),
                add("Glossary", "5", Unit.PAGE, Money.of("40.00", "EUR"))));

    assertThat(quote.rush().amount()).isEqualTo(Money.of("200.00", "EUR"));
    assertThat(quote.extension()).isNull();
    assertThat(quote.notes()).extracting(Note::severity).containsExactly(Severity.WARNING);
    assertThat(quote.notes().get(0).textEn()).contains("no hourly estimate in EUR");
  }

  // Removing and reducing: done work keeps its value

  @Test
  void removingALineNotStartedCreditsItAndRefundsTheEscrow() {
    Quote quote = price(input(landingPage(), DUE.minusDays(10), new RemoveLine(2)));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(tuple(REMOVED, yen(-200_000)));
    assertThat(quote.totals())
        .isEqualTo(
            new QuoteTotals(yen(-200_000), yen(-20_000), yen(-220_000), yen(0), yen(-220_000)));
    assertThat(quote.totals().refund()).isEqualTo(yen(220_000));
    assertThat(quote.totals().extraEscrow()).isEqualTo(yen(0));
    assertThat(quote.explanationJa()).contains("返金 ¥220,000");
  }

  @Test
  void removingADeliveredLineKeepsAFullKillFeeSoNothingIsCredited() {
    AgreedScope agreement = deliveredWireframes();

    Quote quote = price(input(agreement, DUE.minusDays(10), new RemoveLine(1)));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(tuple(REMOVED, yen(-120_000)), tuple(KILL_FEE, yen(120_000)));
    assertThat(quote.killFees()).isEqualTo(yen(120_000));
    assertThat(quote.totals().subtotal()).isEqualTo(yen(0));
    assertThat(quote.totals().refund()).isEqualTo(yen(0));
    assertThat(quote.explanationJa()).contains("明細1 は納品済みのため中途解約料 100% × ¥120,000 = ¥120,000");
  }

  @Test
  void removingALineInProgressKeepsHalfOfIt() {
    Quote quote = price(input(landingPage(), DUE.minusDays(10), new RemoveLine(1)));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(tuple(REMOVED, yen(-500_000)), tuple(KILL_FEE, yen(250_000)));
    assertThat(quote.totals().subtotal()).isEqualTo(yen(-250_000));
    assertThat(quote.totals().refund()).isEqualTo(yen(275_000));
    assertThat(quote.explanationEn())
        .contains("Line 1 is in progress: kill fee 50% × ¥500,000 = ¥250,000");
  }

  @Test
  void lessQuantityOfALineInProgressIsCreditedLessItsKillFee() {
    AgreedScope agreement = only(line(1, "Coding", "40", Unit.HOUR, yen(5_000), IN_PROGRESS));

    Quote quote =
        price(input(agreement, DUE.minusDays(10), ModifyLine.quantity(1, new BigDecimal("30"))));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(tuple(REMOVED, yen(-50_000)), tuple(KILL_FEE, yen(25_000)));
  }

  @Test
  void aLowerPriceForDeliveredWorkIsRefusedAsAFeeReduction() {
    AgreedScope agreement = deliveredWireframes();

    assertRefused(
        () -> price(input(agreement, DUE.minusDays(10), ModifyLine.unitPrice(1, yen(100_000)))),
        "error.change.feeReduction",
        "edits[0].unitPrice");
  }

  @Test
  void aLowerPriceForWorkInProgressIsRefusedToo() {
    assertRefused(
        () -> price(input(landingPage(), DUE.minusDays(10), ModifyLine.unitPrice(1, yen(400_000)))),
        "error.change.feeReduction",
        "edits[0].unitPrice");
  }

  @Test
  void aLowerPriceForWorkNotStartedIsPricedWithAWarning() {
    Quote quote =
        price(input(landingPage(), DUE.minusDays(10), ModifyLine.unitPrice(2, yen(4_500))));

    assertThat(quote.scopeDelta()).isEqualTo(yen(-20_000));
    assertThat(quote.notes())
        .extracting(Note::severity, Note::lineRef)
        .containsExactly(tuple(Severity.WARNING, "2"));
    assertThat(quote.hasWarnings()).isTrue();
  }

  @Test
  void lessQuantityOfADeliveredLineIsProtectedByTheFullKillFee() {
    AgreedScope agreement = only(line(1, "Illustrations", "10", Unit.ITEM, yen(8_000), DELIVERED));

    Quote quote =
        price(input(agreement, DUE.minusDays(10), ModifyLine.quantity(1, new BigDecimal("6"))));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::amount)
        .containsExactly(tuple(REMOVED, yen(-32_000)), tuple(KILL_FEE, yen(32_000)));
    assertThat(quote.totals().subtotal()).isEqualTo(yen(0));
  }

  @Test
  void newTextForDeliveredWorkWithoutMoreMoneyWarnsOfUnpaidRework() {
    AgreedScope agreement = deliveredWireframes();

    Quote quote =
        price(
            input(
                agreement,
                DUE.minusDays(10),
                new ModifyLine(1, null, null, null, "Also covers the mobile layout")));

    assertThat(quote.breakdown()).isEmpty();
    assertThat(quote.notes())
        .extracting(Note::severity)
        .containsExactly(Severity.INFO, Severity.WARNING);
    assertThat(quote.notes().get(1).textEn())
        .contains("Freelance Act prohibits redoing work at no cost");
  }

  @Test
  void cancellingTheRemainingWorkRemovesWhatIsNotDeliveredWithKillFees() {
    AgreedScope agreement =
        new AgreedScope(
            List.of(
                line(1, "Wireframes", "1", Unit.LUMP_SUM, yen(120_000), DELIVERED),
                line(2, "Design", "1", Unit.LUMP_SUM, yen(300_000), IN_PROGRESS),
                line(3, "Coding", "40", Unit.HOUR, yen(5_000), NOT_STARTED),
                new AgreedLine(
                    4, "Old item", BigDecimal.ONE, Unit.ITEM, yen(9_000), null, NOT_STARTED, true)),
            DUE,
            Money.currency("JPY"));

    Quote quote = price(input(agreement, DUE.minusDays(10), new CancelRemaining()));

    assertThat(quote.breakdown())
        .extracting(BreakdownLine::kind, BreakdownLine::lineRef, BreakdownLine::amount)
        .containsExactly(
            tuple(REMOVED, "2", yen(-300_000)),
            tuple(KILL_FEE, "2", yen(150_000)),
            tuple(REMOVED, "3", yen(-200_000)));
    assertThat(quote.totals().subtotal()).isEqualTo(yen(-350_000));
    assertThat(quote.totals().refund()).isEqualTo(yen(385_000));
  }

  @Test
  void aDeliveredKillFeeBelowFullWarnsOfAFeeReduction() {
    PricingPolicy policy =
        PricingPolicy.defaults().withKillFees(new BigDecimal("0.80"), new BigDecimal("0.50"));
    AgreedScope agreement = deliveredWireframes();
    Quote quote =
        price(
            new PricingInput(
                agreement,
                Proposal.of(null, new RemoveLine(1)),
                DUE.minusDays(10),
                policy,
                null,
                false));

    assertThat(quote.killFees()).isEqualTo(yen(96_000));
    assertThat(quote.notes()).extracting(Note::severity).containsExactly(Severity.WARNING);
  }

  // The Freelance Act's ban on unpaid changes

  @Test
  void workAddedForNothingIsRefusedAsAnUnpaidChange() {
    assertRefused(
        () ->
            price(
                input(
                    landingPage(),
                    DUE.minusDays(10),
                    add("Just one more page", "1", Unit.PAGE, yen(0)))),
        "error.change.unpaid",
        "edits[0].unitPrice");
  }

  @Test
  void workWhoseAmountRoundsToNothingIsRefusedAsAnUnpaidChange() {
    assertRefused(
        () ->
            price(input(landingPage(), DUE.minusDays(10), add("Tiny", "0.01", Unit.HOUR, yen(1)))),
        "error.change.unpaid",
        "edits[0].unitPrice");
  }

  @Test
  void aLinePricedDownToNothingIsRefusedAsAnUnpaidChange() {
    assertRefused(
        () -> price(input(landingPage(), DUE.minusDays(10), ModifyLine.unitPrice(2, yen(0)))),
        "error.change.unpaid",
        "edits[0].unitPrice");
  }

  // Taxes, withholding and rounding

  @Test
  void taxIsRoundedOncePerDocumentNotPerLine() {
    // Per line, 10% of ¥105 twice would be ¥10 + ¥10; once for the document it is ¥21.
    Quote quote =
        price(
            input(
                landingPage(),
                DUE.minusDays(20),
                add("Icon", "1", Unit.ITEM, yen(105)),
                add("Favicon", "1", Unit.ITEM, yen(105))));

    assertThat(quote.totals().tax()).isEqualTo(yen(21));
    assertThat(quote.explanationJa()).contains("消費税 10%（文書全体で1回、1円未満切り捨て）: ¥210 × 10% = ¥21");
  }

  @Test
  void yenAmountsRoundToTheYen() {
    // 1.5 hours at ¥3,333 are ¥4,999.5: half up to ¥5,000; 25% rush is ¥1,250; tax ¥625.
    Quote quote =
        price(input(landingPage(), DUE.minusDays(10), add("Hotfix", "1.5", Unit.HOUR, yen(3_333))));

    assertThat(quote.breakdown().get(0).amount()).isEqualTo(yen(5_000));
    assertThat(quote.rush().amount()).isEqualTo(yen(1_250));
    assertThat(quote.totals().tax()).isEqualTo(yen(625));
    assertThat(quote.totals().total()).isEqualTo(yen(6_875));
  }

  @Test
  void dollarAmountsRoundToTheCent() {
    AgreedScope agreement =
        new AgreedScope(
            List.of(line(1, "Translation", "10", Unit.PAGE, usd("40.00"), NOT_STARTED)),
            DUE,
            Money.currency("USD"));

    // 3 pages at $3.33 are $9.99; 25% rush $2.4975 rounds half up to $2.50; 10% tax of $12.49 is
    // $1.249, down to $1.24.
    Quote quote =
        price(input(agreement, DUE.minusDays(10), add("Glossary", "3", Unit.PAGE, usd("3.33"))));

    assertThat(quote.rush().amount()).isEqualTo(usd("2.50"));
    assertThat(quote.totals())
        .isEqualTo(
            new QuoteTotals(usd("12.49"), usd("1.24"), usd("13.73"), usd("0"), usd("13.73")));
    assertThat(quote.explanationEn())
        .contains("3 pages × $3.33 = $9.99")
        .contains("rounded down to the minor unit")
        .contains("Extra escrow $13.73");
  }

  @Test
  void withholdingBelowTheMillionIsTenPointTwentyOnePercent() {
    // The fee goes from ¥700,000 to ¥900,000, all below ¥1,000,000: 10.21% of ¥200,000.
    Quote quote =
        price(
            withholding(
                input(
                    landingPage(), DUE.minusDays(20), add("Banner", "40", Unit.HOUR, yen(5_000)))));

    assertThat(quote.totals().withholding()).isEqualTo(yen(20_420));
    assertThat(quote.totals().payable()).isEqualTo(yen(220_000 - 20_420));
    assertThat(quote.totals().extraEscrow()).isEqualTo(yen(199_580));
    assertThat(quote.explanationJa()).contains("源泉徴収税 ¥20,420");
  }

  @Test
  void withholdingAboveTheMillionIsTwentyPointFortyTwoPercentOnTheExcess() {
    // ¥700,000 to ¥1,300,000: ¥300,000 at 10.21% (¥30,630) and ¥300,000 at 20.42% (¥61,260).
    Quote quote =
        price(
            withholding(
                input(
                    landingPage(), DUE.minusDays(20), add("Shop", "120", Unit.HOUR, yen(5_000)))));

    assertThat(quote.totals().withholding()).isEqualTo(yen(91_890));
    assertThat(quote.totals().payable()).isEqualTo(yen(660_000 - 91_890));
    assertThat(quote.explanationEn())
        .contains(
            "¥163,360 on the fee of ¥1,300,000 after the change − ¥71,470 on the fee of ¥700,000"
                + " before");
  }

  @Test
  void withholdingGoesDownWhenTheFeeDoes() {
    Quote quote = price(withholding(input(landingPage(), DUE.minusDays(20), new RemoveLine(2))));

    assertThat(quote.totals().withholding()).isEqualTo(yen(-20_420));
    assertThat(quote.totals().refund()).isEqualTo(yen(220_000 - 20_420));
  }

  @Test
  void withholdingIsAYenRule() {
    AgreedScope agreement =
        new AgreedScope(
            List.of(line(1, "Translation", "10", Unit.PAGE, usd("40.00"), NOT_STARTED)),
            DUE,
            Money.currency("USD"));

    assertRefused(
        () -> price(withholding(input(agreement, DUE.minusDays(20), new RemoveLine(1)))),
        "error.change.withholdingCurrency",
        "withholding");
  }

  // The rate card

  @Test
  void aNewPriceAboveTheRateCardIsFlaggedAndOneBelowIsNoted() {
    RateCard card =
        RateCard.empty().with(Unit.HOUR, "coding", yen(5_000)).with(Unit.PAGE, null, yen(10_000));
    Quote quote =
        price(
            withRateCard(
                input(
                    landingPage(),
                    DUE.minusDays(20),
                    new AddLine("API", BigDecimal.TEN, Unit.HOUR, yen(6_000), "coding", null),
                    new AddLine("Docs", BigDecimal.ONE, Unit.PAGE, yen(8_000), "writing", null),
                    new AddLine("Tests", BigDecimal.ONE, Unit.HOUR, yen(5_000), "coding", null)),
                card));

    assertThat(quote.notes())
        .extracting(Note::severity, Note::lineRef)
        .containsExactly(tuple(Severity.WARNING, "A1"), tuple(Severity.INFO, "A2"));
    assertThat(quote.notes().get(0).textJa()).contains("¥6,000 は単価表の ¥5,000 を上回ります");
    assertThat(quote.notes().get(1).textEn()).contains("below the rate card's ¥10,000");
  }

  // Bad input

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProposals")
  void badInputIsRefusedWithAKeyAndAField(
      String story, List<Edit> edits, String key, String field) {
    AgreedScope agreement =
        new AgreedScope(
            List.of(
                line(1, "Design", "1", Unit.LUMP_SUM, yen(500_000), IN_PROGRESS),
                new AgreedLine(
                    2, "Dropped", BigDecimal.ONE, Unit.ITEM, yen(1_000), null, NOT_STARTED, true)),
            DUE,
            Money.currency("JPY"));
    PricingInput input =
        new PricingInput(
            agreement,
            new Proposal(edits, null),
            DUE.minusDays(10),
            PricingPolicy.defaults(),
            null,
            false);

    assertRefused(() -> price(input), key, field);
  }

  static Stream<Arguments> badProposals() {
    LocalDate requested = DUE.minusDays(10);
    return Stream.of(
        Arguments.of(
            "negative quantity",
            List.of(add("X", "-1", Unit.HOUR, yen(5_000))),
            "error.line.quantity.positive",
            "edits[0].quantity"),
        Arguments.of(
            "negative price",
            List.of(add("X", "1", Unit.HOUR, yen(-5_000))),
            "error.line.price.negative",
            "edits[0].unitPrice"),
        Arguments.of(
            "negative quantity of an agreed line",
            List.of(ModifyLine.quantity(1, new BigDecimal("-2"))),
            "error.line.quantity.positive",
            "edits[0].quantity"),
        Arguments.of(
            "modifying a line that does not exist",
            List.of(ModifyLine.quantity(9, BigDecimal.TEN)),
            "error.change.lineNotFound",
            "edits[0].number"),
        Arguments.of(
            "removing a line that does not exist",
            List.of(new RemoveLine(9)),
            "error.change.lineNotFound",
            "edits[0].number"),
        Arguments.of(
            "removing a line already removed",
            List.of(new RemoveLine(2)),
            "error.line.removed",
            "edits[0].number"),
        Arguments.of(
            "modifying a line already removed",
            List.of(ModifyLine.quantity(2, BigDecimal.TEN)),
            "error.line.removed",
            "edits[0].number"),
        Arguments.of(
            "editing a line twice",
            List.of(ModifyLine.quantity(1, BigDecimal.TEN), new RemoveLine(1)),
            "error.change.duplicateEdit",
            "edits[1].number"),
        Arguments.of(
            "a new due date in the past, before the request",
            List.of(new MoveDueDate(requested.minusDays(1))),
            "error.change.dueDateBeforeRequest",
            "edits[0].newDueDate"),
        Arguments.of(
            "moving the due date twice",
            List.of(new MoveDueDate(DUE.plusDays(1)), new MoveDueDate(DUE.plusDays(2))),
            "error.change.duplicateEdit",
            "edits[1].newDueDate"),
        Arguments.of(
            "a price in another currency",
            List.of(add("X", "1", Unit.HOUR, usd("50.00"))),
            "error.change.currency",
            "edits[0].unitPrice"),
        Arguments.of(
            "a new line without text",
            List.of(add(" ", "1", Unit.HOUR, yen(5_000))),
            "error.field.required",
            "edits[0].text"),
        Arguments.of(
            "cancelling and adding at once",
            List.of(add("X", "1", Unit.HOUR, yen(5_000)), new CancelRemaining()),
            "error.change.cancelCombined",
            "edits[1]"),
        Arguments.of("no edit at all", List.of(), "error.line.unchanged", "edits"),
        Arguments.of(
            "a modification that changes nothing",
            List.of(new ModifyLine(1, BigDecimal.ONE, yen(500_000), "Design", null)),
            "error.line.unchanged",
            "edits[0]"));
  }

  @ParameterizedTest
  @CsvSource({"-0.01, 0.5, killFeeDelivered", "1, 1.01, killFeeInProgress"})
  void killFeesAreShares(String delivered, String inProgress, String field) {
    assertRefused(
        () ->
            PricingPolicy.defaults()
                .withKillFees(new BigDecimal(delivered), new BigDecimal(inProgress)),
        "error.pricingPolicy.killFee",
        field);
  }

  @Test
  void rushTiersMustCoverTheLastDay() {
    assertRefused(
        () ->
            PricingPolicy.defaults()
                .withRushTiers(List.of(new PricingPolicy.RushTier(3, BigDecimal.ONE))),
        "error.pricingPolicy.rushTiers",
        "rushTiers");
  }

  // Determinism and explanations

  @Test
  void theSameInputGivesAnEqualQuote() {
    PricingInput input =
        withholding(
            input(
                landingPage(),
                DUE.minusDays(4),
                campaignSection(),
                new ModifyLine(2, new BigDecimal("45"), yen(5_500), "Coding, responsive", null),
                new RemoveLine(1)));

    Quote first = new PricingCalculator().price(input);
    Quote second = new PricingCalculator().price(input);

    assertThat(second).isEqualTo(first);
    assertThat(second.explanationJa()).isEqualTo(first.explanationJa());
  }

  @Test
  void everyAmountIsExplainedInBothLanguages() {
    Quote quote =
        price(
            withholding(
                input(
                    landingPage(),
                    DUE.minusDays(4),
                    campaignSection(),
                    new ModifyLine(2, new BigDecimal("45"), yen(5_500), null, null),
                    new RemoveLine(1))));

    assertThat(quote.breakdown())
        .allSatisfy(
            line -> {
              String amount = Wording.money(line.amount());
              assertThat(line.explanationJa()).contains(amount);
              assertThat(line.explanationEn()).contains(amount);
              assertThat(quote.explanationJa()).contains(line.explanationJa());
              assertThat(quote.explanationEn()).contains(line.explanationEn());
            });
    assertThat(quote.explanationJa())
        .contains("理由: The client's customer asked for it")
        .contains("合計 " + Wording.money(quote.totals().total()));
  }

  @Test
  void longLineTextsAreShortenedToOneLineInTheExplanation() {
    String text = "Campaign   section\nwith a hero image, three teasers, a form and a map";
    Quote quote =
        price(input(landingPage(), DUE.minusDays(20), add(text, "1", Unit.ITEM, yen(10_000))));

    assertThat(quote.breakdown().get(0).description()).isEqualTo(text.strip());
    assertThat(quote.explanationEn())
        .contains("New line 1 \"Campaign section with a hero image, thre…\": 1 item");
  }

  @Test
  void theServiceDelegatesToTheCalculator() {
    PricingInput input = input(landingPage(), DUE.minusDays(2), campaignSection());

    assertThat(new PricingService().price(input)).isEqualTo(calculator.price(input));
  }
}
