package jp.ishibashi.escrow;

import java.util.Objects;
import jp.ishibashi.shared.Money;

/**
 * One line of a movement: what one account gains (positive) or loses (negative). Never zero.
 *
 * @param account the account
 * @param amount the signed amount, exact to the currency's minor unit
 */
public record Entry(LedgerAccount account, Money amount) {

  public Entry {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
    if (amount.amount().signum() == 0) {
      throw new IllegalArgumentException("An entry of zero moves nothing");
    }
  }
}
