package jp.ishibashi.escrow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.shared.Money;

/**
 * One money effect on a work order's escrow, as double entry: money leaves one account and arrives
 * in another, so the entries always sum to zero in one currency. Movements are only ever appended
 * to a {@link Ledger}; a mistake is corrected by a further movement, never by an edit.
 *
 * @param kind what the movement does, which fixes its two accounts
 * @param reference the payment provider's deposit reference for {@link MovementKind#FUND}; the
 *     reason for a release or refund
 * @param at when it happened
 * @param entries what each account gains or loses: one negative entry on {@code kind.from()}, one
 *     positive on {@code kind.to()}
 */
public record Movement(MovementKind kind, String reference, Instant at, List<Entry> entries) {

  /** The longest reference or reason kept, in characters. */
  public static final int MAX_REFERENCE = 200;

  public Movement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
      throw new IllegalArgumentException("A movement needs a reference of 1 to 200 characters");
    }
    entries = List.copyOf(entries);
    requireBalanced(entries);
    requireShapeOf(kind, entries);
  }

  /** The movement of a positive amount from {@code kind.from()} to {@code kind.to()}. */
  public static Movement of(MovementKind kind, Money amount, String reference, Instant at) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A movement moves a positive amount, not " + amount);
    }
    Money out = Money.zero(amount.currency()).minus(amount);
    return new Movement(
        kind, reference, at, List.of(new Entry(kind.from(), out), new Entry(kind.to(), amount)));
  }

  /** The amount moved: the positive entry's. */
  public Money amount() {
    return entries.stream().map(Entry::amount).filter(Money::isPositive).findFirst().orElseThrow();
  }

  /** What this movement adds to one account's balance; zero for an account it does not touch. */
  public BigDecimal effectOn(LedgerAccount account) {
    return entries.stream()
        .filter(e -> e.account() == account)
        .map(e -> e.amount().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Double entry: two or more entries, one currency, summing to zero. */
  private static void requireBalanced(List<Entry> entries) {
    if (entries.size() < 2) {
      throw new IllegalArgumentException("A movement has at least two entries");
    }
    var currency = entries.get(0).amount().currency();
    BigDecimal sum = BigDecimal.ZERO;
    for (Entry entry : entries) {
      if (!entry.amount().currency().equals(currency)) {
        throw new IllegalArgumentException("A movement's entries share one currency: " + entries);
      }
      sum = sum.add(entry.amount().amount());
    }
    if (sum.signum() != 0) {
      throw new IllegalArgumentException("A movement's entries sum to zero, not " + sum);
    }
  }

  /** Exactly the kind's two accounts: money out of {@code from}, into {@code to}. */
  private static void requireShapeOf(MovementKind kind, List<Entry> entries) {
    boolean shaped =
        entries.size() == 2
            && entries.stream()
                .allMatch(
                    e ->
                        e.account() == kind.from() && e.amount().isNegative()
                            || e.account() == kind.to() && e.amount().isPositive());
    if (!shaped || entries.get(0).account() == entries.get(1).account()) {
      throw new IllegalArgumentException(
          kind + " moves money from " + kind.from() + " to " + kind.to() + ": " + entries);
    }
  }
}
