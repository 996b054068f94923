package jp.ishibashi.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random sequences of fundings, releases and refunds, many of them wrong on purpose, checked
 * against a model that only counts minor units. Each seed makes a reproducible run: a failure names
 * its seed and step.
 */
class LedgerPropertiesTest {

  private static final int OPERATIONS = 4_000;
  private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

  @ParameterizedTest(name = "seed {0} in {1}")
  @CsvSource({"1, JPY", "2, USD", "7, JPY", "42, USD", "2026, JPY", "31337, JPY"})
  void invariantsHoldOverRandomOperations(long seed, String currencyCode) {
    Currency currency = Money.currency(currencyCode);
    Currency other = Money.currency(currencyCode.equals("JPY") ? "USD" : "JPY");
    Random random = new Random(seed);
    Model model = new Model();
    Ledger ledger = Ledger.empty(currency);
    int refused = 0;

    for (int step = 0; step < OPERATIONS; step++) {
      MovementKind kind = MovementKind.values()[random.nextInt(3)];
      long minor = amount(random, model);
      boolean wrongCurrency = random.nextInt(40) == 0;
      Money amount = Money.ofMinor(minor, wrongCurrency ? other : currency);
      String reference = reference(random, step, model);
      String expected = model.refusal(kind, minor, wrongCurrency, reference);
      String where = "seed " + seed + ", step " + step + ": " + kind + " " + amount;

      Ledger before = ledger;
      Map<LedgerAccount, BigDecimal> balancesBefore = balances(before);
      int movementsBefore = before.movements().size();
      try {
        ledger = apply(ledger, kind, amount, reference);
        if (expected != null) {
          fail(where + " should have been refused with " + expected);
        }
        model.apply(kind, minor, reference);
        Movement added = ledger.lastMovement();
        assertThat(sum(added)).as(where).isZero();
        assertThat(added.entries()).as(where).allMatch(e -> e.amount().currency() == currency);
        assertThat(ledger.movements()).as(where).hasSize(movementsBefore + 1);
      } catch (DomainException e) {
        assertThat(e.key()).as(where).isEqualTo(expected);
        assertThat(ledger).as(where).isSameAs(before);
        refused++;
      }
      // Whatever happened, the ledger before the step is as it was: refusals change nothing.
      assertThat(before.movements()).as(where).hasSize(movementsBefore);
      assertThat(balances(before)).as(where).isEqualTo(balancesBefore);
      assertBalances(ledger, model, where);
      if (step % 250 == 0) {
        assertThat(replayedFromEntries(ledger)).as(where).isEqualTo(balances(ledger));
      }
    }

    assertThat(refused).as("refusals tried").isGreaterThan(OPERATIONS / 10);
    assertThat(ledger.movements().size()).as("movements made").isGreaterThan(OPERATIONS / 3);
    assertThat(ledger.movements()).allSatisfy(m -> assertThat(sum(m)).isZero());
    assertThat(replayedFromEntries(ledger)).isEqualTo(balances(ledger));
    Ledger replayed = Ledger.replay(currency, ledger.movements());
    assertThat(balances(replayed)).isEqualTo(balances(ledger));
  }

  /** Mostly plausible amounts, some zero, negative, exactly what is held, or just above it. */
  private static long amount(Random random, Model model) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> -1 - random.nextInt(1_000);
      case 2 -> model.held();
      case 3 -> model.held() + 1;
      default -> 1 + random.nextInt(100_000);
    };
  }

  /** A fresh reference, now and then one already used, or a blank one. */
  private static String reference(Random random, int step, Model model) {
    int pick = random.nextInt(30);
    if (pick == 0) {
      return "  ";
    }
    if (pick == 1 && model.lastDeposit != null) {
      return model.lastDeposit;
    }
    return "REF-" + step;
  }

  private static Ledger apply(Ledger ledger, MovementKind kind, Money amount, String reference) {
    return switch (kind) {
      case FUND -> ledger.fund(amount, reference, AT);
      case RELEASE -> ledger.release(amount, reference, AT);
      case REFUND -> ledger.refund(amount, reference, AT);
    };
  }

  private static void assertBalances(Ledger ledger, Model model, String where) {
    Currency currency = ledger.currency();
    assertThat(ledger.deposited()).as(where).isEqualTo(Money.ofMinor(model.deposited, currency));
    assertThat(ledger.released()).as(where).isEqualTo(Money.ofMinor(model.released, currency));
    assertThat(ledger.refunded()).as(where).isEqualTo(Money.ofMinor(model.refunded, currency));
    assertThat(ledger.held()).as(where).isEqualTo(Money.ofMinor(model.held(), currency));
    BigDecimal total = BigDecimal.ZERO;
    for (LedgerAccount account : LedgerAccount.values()) {
      Money balance = ledger.balance(account);
      total = total.add(balance.amount());
      if (account.mayBeNegative()) {
        assertThat(balance.isPositive()).as(where + " " + account).isFalse();
      } else {
        assertThat(balance.isNegative()).as(where + " " + account).isFalse();
      }
    }
    assertThat(total).as(where + ": balances sum to zero").isZero();
  }

  private static BigDecimal sum(Movement movement) {
    return movement.entries().stream()
        .map(e -> e.amount().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Map<LedgerAccount, BigDecimal> balances(Ledger ledger) {
    Map<LedgerAccount, BigDecimal> balances = new EnumMap<>(LedgerAccount.class);
    for (LedgerAccount account : LedgerAccount.values()) {
      balances.put(account, ledger.balance(account).amount());
    }
    return balances;
  }

  /** Every account's balance summed from the entries alone, independently of the ledger. */
  private static Map<LedgerAccount, BigDecimal> replayedFromEntries(Ledger ledger) {
    Map<LedgerAccount, BigDecimal> balances = new EnumMap<>(LedgerAccount.class);
    for (LedgerAccount account : LedgerAccount.values()) {
      balances.put(account, Money.zero(ledger.currency()).amount());
    }
    ledger.movements().stream()
        .flatMap(m -> m.entries().stream())
        .forEach(e -> balances.merge(e.account(), e.amount().amount(), BigDecimal::add));
    return balances;
  }

  /** What the ledger should say, in minor units. */
  private static final class Model {
    long deposited;
    long released;
    long refunded;
    String lastDeposit;
    private final Set<String> deposits = new HashSet<>();

    long held() {
      return deposited - released - refunded;
    }

    /** The key the ledger must refuse with, or null when it must accept. */
    String refusal(MovementKind kind, long minor, boolean wrongCurrency, String reference) {
      if (wrongCurrency) {
        return Ledger.CURRENCY;
      }
      if (minor <= 0) {
        return Ledger.AMOUNT;
      }
      if (reference.isBlank()) {
        return "error.field.required";
      }
      if (kind == MovementKind.FUND) {
        if (deposited + minor > Ledger.MAX_MINOR) {
          return Ledger.AMOUNT_TOO_LARGE;
        }
        return deposits.contains(reference) ? Ledger.DUPLICATE_DEPOSIT : null;
      }
      return minor > held() ? Ledger.INSUFFICIENT : null;
    }

    void apply(MovementKind kind, long minor, String reference) {
      switch (kind) {
        case FUND -> {
          deposited += minor;
          deposits.add(reference);
          lastDeposit = reference;
        }
        case RELEASE -> released += minor;
        case REFUND -> refunded += minor;
      }
    }
  }
}
