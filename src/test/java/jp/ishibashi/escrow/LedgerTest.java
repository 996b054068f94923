package jp.ishibashi.escrow;

import static jp.ishibashi.escrow.LedgerAccount.AGENCY_FUNDING;
import static jp.ishibashi.escrow.LedgerAccount.ESCROW_HELD;
import static jp.ishibashi.escrow.LedgerAccount.REFUNDED_TO_AGENCY;
import static jp.ishibashi.escrow.LedgerAccount.RELEASED_TO_SUBCONTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final Instant AT = Instant.parse("2026-04-01T01:00:00Z");
  private static final Ledger YEN = Ledger.empty(Money.currency("JPY"));

  private static Money yen(long amount) {
    return Money.of(Long.toString(amount), "JPY");
  }

  @Test
  void fundingMovesMoneyFromTheAgencysFundingAccountIntoEscrow() {
    Ledger funded = YEN.fund(yen(150_000), "DEP-1", AT);

    assertThat(funded.held()).isEqualTo(yen(150_000));
    assertThat(funded.balance(AGENCY_FUNDING)).isEqualTo(yen(-150_000));
    assertThat(funded.deposited()).isEqualTo(yen(150_000));
    Movement movement = funded.lastMovement();
    assertThat(movement.kind()).isEqualTo(MovementKind.FUND);
    assertThat(movement.reference()).isEqualTo("DEP-1");
    assertThat(movement.amount()).isEqualTo(yen(150_000));
    assertThat(movement.entries())
        .containsExactly(
            new Entry(AGENCY_FUNDING, yen(-150_000)), new Entry(ESCROW_HELD, yen(150_000)));
  }

  @Test
  void aKillFeeIsAPartialReleaseAndTheRestIsRefunded() {
    Ledger cancelled =
        YEN.fund(yen(100_000), "DEP-1", AT)
            .fund(yen(20_000), "DEP-2 extra escrow, amendment 2", AT)
            .release(yen(30_000), "kill fee: line 2 in progress", AT)
            .refund(yen(90_000), "cancelled", AT);

    assertThat(cancelled.held()).isEqualTo(yen(0));
    assertThat(cancelled.deposited()).isEqualTo(yen(120_000));
    assertThat(cancelled.released()).isEqualTo(yen(30_000));
    assertThat(cancelled.refunded()).isEqualTo(yen(90_000));
    assertThat(cancelled.movements())
        .extracting(Movement::kind)
        .containsExactly(
            MovementKind.FUND, MovementKind.FUND, MovementKind.RELEASE, MovementKind.REFUND);
  }

  @Test
  void releasingOrRefundingMoreThanEscrowHoldsIsRefused() {
    Ledger funded = YEN.fund(yen(50_000), "DEP-1", AT).release(yen(20_000), "accepted", AT);

    assertRefused(() -> funded.release(yen(30_001), "too much", AT), Ledger.INSUFFICIENT);
    assertRefused(() -> funded.refund(yen(30_001), "too much", AT), Ledger.INSUFFICIENT);
    assertRefused(() -> YEN.release(yen(1), "nothing held", AT), Ledger.INSUFFICIENT);
    assertThat(funded.release(yen(30_000), "the rest", AT).held()).isEqualTo(yen(0));
  }

  @Test
  void theRefusalSaysWhatWasAskedAndWhatIsHeld() {
    Ledger funded = YEN.fund(yen(50_000), "DEP-1", AT);

    assertThatThrownBy(() -> funded.release(yen(60_000), "too much", AT))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.field()).isEqualTo("amount");
              assertThat(e.args()).containsExactly("60000", "50000", "JPY");
            });
  }

  @Test
  void amountsArePositiveAndInTheLedgersCurrency() {
    Ledger funded = YEN.fund(yen(1_000), "DEP-1", AT);

    for (Money bad : List.of(yen(0), yen(-1))) {
      assertRefused(() -> YEN.fund(bad, "DEP-2", AT), Ledger.AMOUNT);
      assertRefused(() -> funded.release(bad, "why", AT), Ledger.AMOUNT);
      assertRefused(() -> funded.refund(bad, "why", AT), Ledger.AMOUNT);
    }
    assertRefused(() -> funded.fund(Money.of("10.00", "USD"), "DEP-2", AT), Ledger.CURRENCY);
    assertRefused(() -> funded.release(Money.of("1.00", "USD"), "why", AT), Ledger.CURRENCY);
  }

  @Test
  void centsAreExactAndFinerAmountsCannotEvenBeWritten() {
    Ledger dollars = Ledger.empty(Money.currency("USD")).fund(Money.of("10.05", "USD"), "D", AT);

    assertThat(dollars.release(Money.of("0.05", "USD"), "part", AT).held())
        .isEqualTo(Money.of("10.00", "USD"));
    assertThatThrownBy(() -> Money.of("0.005", "USD")).hasMessage("error.money.tooManyDecimals");
  }

  @Test
  void depositsAreBoundedSoEverySumFitsTheDatabase() {
    Money max = Money.ofMinor(Ledger.MAX_MINOR, Money.currency("JPY"));
    Ledger full = YEN.fund(max, "DEP-1", AT);

    assertRefused(() -> full.fund(yen(1), "DEP-2", AT), Ledger.AMOUNT_TOO_LARGE);
    assertRefused(() -> YEN.fund(max.plus(yen(1)), "DEP-1", AT), Ledger.AMOUNT_TOO_LARGE);
  }

  @Test
  void aDepositReferenceCountsOnce() {
    Ledger funded = YEN.fund(yen(1_000), "DEP-1", AT);

    assertRefused(() -> funded.fund(yen(1_000), " DEP-1 ", AT), Ledger.DUPLICATE_DEPOSIT);
    assertThat(funded.release(yen(500), "DEP-1", AT).released()).isEqualTo(yen(500));
  }

  @Test
  void everyMovementNeedsAReferenceOrReason() {
    assertRefused(() -> YEN.fund(yen(1), " ", AT), "error.field.required");
    assertRefused(() -> YEN.fund(yen(1), null, AT), "error.field.required");
    assertRefused(() -> YEN.fund(yen(1), "x".repeat(201), AT), "error.text.tooLong");
    assertThat(YEN.fund(yen(1), "  DEP-9  ", AT).lastMovement().reference()).isEqualTo("DEP-9");
  }

  @Test
  void aMovementsEntriesSumToZeroInOneCurrencyAndFollowItsKind() {
    Money ten = yen(10);
    Money minusTen = yen(-10);
    assertThatThrownBy(
            () ->
                movement(
                    MovementKind.FUND,
                    new Entry(AGENCY_FUNDING, minusTen),
                    new Entry(ESCROW_HELD, yen(9))))
        .hasMessageContaining("sum to zero");
    assertThatThrownBy(
            () ->
                movement(
                    MovementKind.FUND,
                    new Entry(AGENCY_FUNDING, Money.of("-10", "USD")),
                    new Entry(ESCROW_HELD, Money.of("10", "USD")),
                    new Entry(ESCROW_HELD, ten),
                    new Entry(AGENCY_FUNDING, minusTen)))
        .hasMessageContaining("one currency");
    assertThatThrownBy(
            () ->
                movement(
                    MovementKind.RELEASE,
                    new Entry(ESCROW_HELD, minusTen),
                    new Entry(REFUNDED_TO_AGENCY, ten)))
        .hasMessageContaining("RELEASE moves money from ESCROW_HELD to RELEASED_TO_SUBCONTRACTOR");
    assertThatThrownBy(
            () ->
                movement(
                    MovementKind.RELEASE,
                    new Entry(ESCROW_HELD, ten),
                    new Entry(RELEASED_TO_SUBCONTRACTOR, minusTen)))
        .hasMessageContaining("RELEASE moves money from");
    assertThatThrownBy(() -> movement(MovementKind.FUND, new Entry(ESCROW_HELD, ten)))
        .hasMessageContaining("at least two entries");
    assertThatThrownBy(() -> new Entry(ESCROW_HELD, yen(0))).hasMessageContaining("zero");
  }

  private static Movement movement(MovementKind kind, Entry... entries) {
    return new Movement(kind, "r", AT, List.of(entries));
  }

  @Test
  void replayingStoredMovementsGivesTheSameBalances() {
    Ledger live =
        YEN.fund(yen(80_000), "DEP-1", AT)
            .release(yen(30_000), "accepted", AT)
            .refund(yen(5_000), "line removed", AT);

    Ledger replayed = Ledger.replay(live.currency(), live.movements());

    for (LedgerAccount account : LedgerAccount.values()) {
      assertThat(replayed.balance(account)).isEqualTo(live.balance(account));
    }
    assertThat(replayed.movements()).isEqualTo(live.movements());
  }

  @Test
  void storedMovementsThatOverdrawEscrowAreReportedAsCorrupt() {
    List<Movement> tampered =
        List.of(
            Movement.of(MovementKind.FUND, yen(100), "DEP-1", AT),
            Movement.of(MovementKind.RELEASE, yen(101), "more than held", AT));

    assertThatThrownBy(() -> Ledger.replay(Money.currency("JPY"), tampered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ESCROW_HELD at -1");
    assertThatThrownBy(
            () ->
                Ledger.replay(
                    Money.currency("USD"),
                    List.of(Movement.of(MovementKind.FUND, yen(1), "D", AT))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLedgerNeverChangesItOnlyGrows() {
    Ledger before = YEN.fund(yen(1_000), "DEP-1", AT);
    Ledger after = before.release(yen(400), "part", AT);

    assertThat(before.held()).isEqualTo(yen(1_000));
    assertThat(before.movements()).hasSize(1);
    assertThat(after.movements()).hasSize(2);
    assertThatThrownBy(() -> after.movements().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(YEN::lastMovement).isInstanceOf(IllegalStateException.class);
  }

  private static void assertRefused(ThrowingCallable action, String key) {
    assertThatThrownBy(action)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.key()).isEqualTo(key));
  }
}
