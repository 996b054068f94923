package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import jp.ishibashi.agreement.AgreementContent;
import org.junit.jupiter.api.Test;

/** Compression bombs are refused before any parser decodes them; real agreements pass. */
class InflationGuardTest {

  private static final long BUDGET = InflationGuard.DEFAULT_BUDGET;

  @Test
  void aFewKilobytesThatInflateBeyondTheBudgetAreRefusedQuickly() {
    byte[] bomb = BombPdf.of(4L * BUDGET, 2);
    assertThat(bomb.length).isLessThan(8 * 1024);

    boolean within =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> InflationGuard.withinBudget(bomb, BUDGET));

    assertThat(within).isFalse();
  }

  @Test
  void aSingleLayerBombIsRefusedAndAStreamWithinTheBudgetPasses() {
    assertThat(InflationGuard.withinBudget(BombPdf.of(BUDGET + 1024 * 1024, 1), BUDGET)).isFalse();
    assertThat(InflationGuard.withinBudget(BombPdf.of(1024 * 1024, 1), BUDGET)).isTrue();
    assertThat(InflationGuard.withinBudget(BombPdf.of(1024 * 1024, 2), BUDGET)).isTrue();
  }

  @Test
  void compressionNestedDeeperThanAnyPdfNeedsIsRefused() {
    assertThat(InflationGuard.withinBudget(BombPdf.of(1024, InflationGuard.MAX_LAYERS + 1), BUDGET))
        .isFalse();
  }

  @Test
  void filtersWithoutACheapBoundAreRefusedHoweverTheNameIsSpelt() {
    assertThat(InflationGuard.withinBudget(BombPdf.withFilter("/LZWDecode"), BUDGET)).isFalse();
    assertThat(InflationGuard.withinBudget(BombPdf.withFilter("/LZW#44ecode"), BUDGET)).isFalse();
    assertThat(InflationGuard.withinBudget(BombPdf.withFilter("[/RunLengthDecode]"), BUDGET))
        .isFalse();
    assertThat(InflationGuard.withinBudget(BombPdf.withFilter("/ASCIIHexDecode"), BUDGET)).isTrue();
  }

  @Test
  void aRenderedAgreementIsWithinTheBudget() {
    AgreementContent content = Agreements.withLines(200);
    byte[] pdf = new AgreementPdf().render(content, content.hash(), List.of(), ZoneId.of("UTC"));

    assertThat(InflationGuard.withinBudget(pdf, BUDGET)).isTrue();
  }
}
