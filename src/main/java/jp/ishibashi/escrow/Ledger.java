package jp.ishibashi.escrow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;

/**
 * A work order's escrow ledger (仮払い): its movements, oldest first, and the balances of its four
 * {@link LedgerAccount}s derived from their entries. Nothing here is stored as a running total; a
 * ledger read from the database is the replay of its movements.
 *
 * <p>A ledger is immutable. {@link #fund}, {@link #release} and {@link #refund} return the ledger
 * with one more movement, or refuse with a {@link DomainException} and change nothing:
 *
 * <ul>
 *   <li>the amount is in the ledger's currency ({@value #CURRENCY}), exact to its minor unit
 *       ({@code Money} refuses finer amounts), greater than zero ({@value #AMOUNT}) and, with all
 *       deposits, at most {@value #MAX_MINOR} minor units ({@value #AMOUNT_TOO_LARGE});
 *   <li>a release or refund never exceeds what escrow holds ({@value #INSUFFICIENT}), so no balance
 *       goes below zero but the agency's funding account (see {@link LedgerAccount});
 *   <li>a deposit reference is recorded once ({@value #DUPLICATE_DEPOSIT}), so a deposit sent twice
 *       is not counted twice;
 *   <li>every movement has a reference or reason ({@code error.field.required}, {@code
 *       error.text.tooLong}, field {@code reference}).
 * </ul>
 */
public final class Ledger {

  public static final String AMOUNT = "error.escrow.amount";
  public static final String AMOUNT_TOO_LARGE = "error.escrow.amountTooLarge";
  public static final String CURRENCY = "error.escrow.currency";
  public static final String INSUFFICIENT = "error.escrow.insufficient";
  public static final String DUPLICATE_DEPOSIT = "error.escrow.duplicateDeposit";

  /**
   * The most an order's deposits may add up to, in minor units (¥1 trillion, $10 billion), so that
   * every balance and sum fits a database {@code bigint} with room to spare.
   */
  public static final long MAX_MINOR = 1_000_000_000_000L;

  private final Currency currency;
  private final List<Movement> movements;
  private final Map<LedgerAccount, BigDecimal> balances;

  private Ledger(
      Currency currency, List<Movement> movements, Map<LedgerAccount, BigDecimal> balances) {
    this.currency = currency;
    this.movements = movements;
    this.balances = balances;
  }

  /** The ledger of an order that has had no money movement yet, in the order's currency. */
  public static Ledger empty(Currency currency) {
    Map<LedgerAccount, BigDecimal> zero = new EnumMap<>(LedgerAccount.class);
    for (LedgerAccount account : LedgerAccount.values()) {
      zero.put(account, BigDecimal.ZERO);
    }
    return new Ledger(Objects.requireNonNull(currency, "currency"), List.of(), zero);
  }

  /**
   * The ledger that these stored movements make, oldest first.
   *
   * @throws IllegalStateException when they break the ledger's invariants, which only a change
   *     behind the portal's back can cause
   */
  public static Ledger replay(Currency currency, List<Movement> movements) {
    Ledger ledger = empty(currency);
    for (Movement movement : movements) {
      ledger = ledger.append(movement);
    }
    return ledger;
  }

  /** The agency deposits {@code amount}; {@code reference} is the provider's deposit reference. */
  public Ledger fund(Money amount, String reference, Instant at) {
    requireAmount(amount);
    String ref = reference(reference);
    if (deposited().amount().add(amount.amount()).compareTo(maxAmount()) > 0) {
      throw DomainException.at("amount", AMOUNT_TOO_LARGE, maxAmount().toPlainString());
    }
    if (movements.stream()
        .anyMatch(m -> m.kind() == MovementKind.FUND && m.reference().equals(ref))) {
      throw DomainException.at("reference", DUPLICATE_DEPOSIT, ref);
    }
    return append(Movement.of(MovementKind.FUND, amount, ref, at));
  }

  /** Pays {@code amount} of the escrow to the subcontractor, in full or in part (a kill fee). */
  public Ledger release(Money amount, String reason, Instant at) {
    return outOfEscrow(MovementKind.RELEASE, amount, reason, at);
  }

  /** Gives {@code amount} of the escrow back to the agency. */
  public Ledger refund(Money amount, String reason, Instant at) {
    return outOfEscrow(MovementKind.REFUND, amount, reason, at);
  }

  private Ledger outOfEscrow(MovementKind kind, Money amount, String reason, Instant at) {
    requireAmount(amount);
    String ref = reference(reason);
    Money available = balance(kind.from());
    if (amount.compareTo(available) > 0) {
      throw DomainException.at(
          "amount",
          INSUFFICIENT,
          amount.amount().toPlainString(),
          available.amount().toPlainString(),
          currency.getCurrencyCode());
    }
    return append(Movement.of(kind, amount, ref, at));
  }

  /**
   * This ledger with one more movement, checked against the invariants: one currency, and no
   * balance on the wrong side of zero.
   */
  Ledger append(Movement movement) {
    if (!movement.amount().currency().equals(currency)) {
      throw new IllegalStateException(
          "A " + currency + " ledger cannot take a movement in " + movement.amount().currency());
    }
    Map<LedgerAccount, BigDecimal> after = new EnumMap<>(balances);
    for (Entry entry : movement.entries()) {
      after.merge(entry.account(), entry.amount().amount(), BigDecimal::add);
    }
    after.forEach(
        (account, balance) -> {
          if (account.mayBeNegative() ? balance.signum() > 0 : balance.signum() < 0) {
            throw new IllegalStateException(
                movement + " leaves " + account + " at " + balance + " " + currency);
          }
        });
    List<Movement> appended = new ArrayList<>(movements.size() + 1);
    appended.addAll(movements);
    appended.add(movement);
    return new Ledger(currency, Collections.unmodifiableList(appended), after);
  }

  private void requireAmount(Money amount) {
    Objects.requireNonNull(amount, "amount");
    if (!amount.currency().equals(currency)) {
      throw DomainException.at(
          "amount", CURRENCY, amount.currency().getCurrencyCode(), currency.getCurrencyCode());
    }
    if (!amount.isPositive()) {
      throw DomainException.at("amount", AMOUNT);
    }
  }

  private static String reference(String reference) {
    return Texts.required(reference, "reference", Movement.MAX_REFERENCE);
  }

  private BigDecimal maxAmount() {
    return Money.ofMinor(MAX_MINOR, currency).amount();
  }

  /** An account's balance: the sum of its entries, in the ledger's currency. */
  public Money balance(LedgerAccount account) {
    return new Money(balances.get(account), currency);
  }

  /** What escrow holds now: deposited, and neither released nor refunded. */
  public Money held() {
    return balance(LedgerAccount.ESCROW_HELD);
  }

  /** Everything the agency deposited. */
  public Money deposited() {
    return Money.zero(currency).minus(balance(LedgerAccount.AGENCY_FUNDING));
  }

  /** Everything paid out to the subcontractor. */
  public Money released() {
    return balance(LedgerAccount.RELEASED_TO_SUBCONTRACTOR);
  }

  /** Everything given back to the agency. */
  public Money refunded() {
    return balance(LedgerAccount.REFUNDED_TO_AGENCY);
  }

  public Currency currency() {
    return currency;
  }

  /** Every movement, oldest first. */
  public List<Movement> movements() {
    return movements;
  }

  /** The newest movement. */
  public Movement lastMovement() {
    if (movements.isEmpty()) {
      throw new IllegalStateException("The ledger has no movement yet");
    }
    return movements.get(movements.size() - 1);
  }

  public boolean isEmpty() {
    return movements.isEmpty();
  }

  @Override
  public String toString() {
    return "Ledger" + balances + " " + currency + ", " + movements.size() + " movements";
  }
}
