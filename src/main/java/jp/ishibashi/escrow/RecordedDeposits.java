package jp.ishibashi.escrow;

import jakarta.enterprise.context.ApplicationScoped;
import jp.ishibashi.shared.Money;

/**
 * The built-in {@link FundingPort}: no payment provider, the agency's deposit is taken as made and
 * recorded under the reference the agency gave (its bank transfer's, say), as given.
 */
@ApplicationScoped
public class RecordedDeposits implements FundingPort {

  @Override
  public DepositConfirmation deposit(long workOrderId, Money amount, String reference) {
    return new DepositConfirmation(reference);
  }
}
