package jp.ishibashi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.AgreementContent.Line;
import jp.ishibashi.agreement.AgreementContent.PartyDetails;
import jp.ishibashi.platform.V13_1__DeliveryLinesById.CoveredLine;
import org.junit.jupiter.api.Test;

/** The pure part of {@link V13_1__DeliveryLinesById}: positions in one version to line ids. */
class DeliveryLinesByIdTest {

  /** A JPY version whose lines 1, 2, 3 are scope lines 101, 205, 150. */
  private static final String YEN =
      content(
          "JPY",
          line(1, 101, "1.5", "60000"), // 90,000 + 9,000 tax
          line(2, 205, "3", "333"), // 999 + 99 (99.9 rounded down)
          line(3, 150, "0.25", "1001")); // 250.25 -> 250, + 25 tax

  private static final String DOLLARS =
      content(
          "USD",
          line(1, 7, "1.5", "33.33"), // 49.995 -> 50.00, + 5.00 tax
          line(2, 8, "3", "0.37")); // 1.11 + 0.11 (0.111 rounded down)

  @Test
  void positionsBecomeTheLineIdsOfThatVersion() {
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", "1,3", null))
        .extracting(CoveredLine::lineId)
        .containsExactly(101L, 150L);
  }

  @Test
  void noPositionsMeansEveryLine() {
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", null, null))
        .extracting(CoveredLine::lineId)
        .containsExactly(101L, 205L, 150L);
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", " ", null)).hasSize(3);
  }

  @Test
  void theLinesARejectionNamesAreAtFault() {
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", "1,2,3", "1, 3"))
        .extracting(CoveredLine::lineId, CoveredLine::atFault)
        .containsExactly(tuple(101L, true), tuple(205L, false), tuple(150L, true));
  }

  @Test
  void unknownPositionsAreSkipped() {
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", "0,2,4", "2, 9"))
        .containsExactly(new CoveredLine(205, true, 1098));
  }

  @Test
  void amountsAreInMinorUnitsWithTaxRoundedDown() {
    assertThat(V13_1__DeliveryLinesById.coveredLines(YEN, "JPY", null, null))
        .extracting(CoveredLine::amountMinor)
        .containsExactly(99_000L, 1_098L, 275L);
    assertThat(V13_1__DeliveryLinesById.coveredLines(DOLLARS, "USD", null, null))
        .extracting(CoveredLine::amountMinor)
        .containsExactly(5_500L, 122L);
  }

  private static Line line(int number, long lineId, String quantity, String unitPrice) {
    BigDecimal q = new BigDecimal(quantity);
    BigDecimal p = new BigDecimal(unitPrice);
    return new Line(number, lineId, "Line " + number, "PDF", null, q, "DAY", p, q.multiply(p));
  }

  /** The canonical JSON that the portal stores with an agreement version. */
  private static String content(String currency, Line... lines) {
    return new AgreementContent(
            "WO-2026-0001",
            1,
            null,
            "ja",
            new PartyDetails("株式会社さくらデザイン", null, null),
            new PartyDetails("山田 太郎", null, null),
            "Site",
            null,
            currency,
            LocalDate.of(2026, 11, 27),
            null,
            null,
            LocalDate.of(2026, 12, 25),
            "Online",
            7,
            null,
            null,
            null,
            List.of(lines),
            BigDecimal.ZERO,
            new BigDecimal("0.10"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null)
        .canonical();
  }
}
