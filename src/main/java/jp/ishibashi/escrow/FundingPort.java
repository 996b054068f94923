package jp.ishibashi.escrow;

import jp.ishibashi.shared.Money;

/**
 * The one way escrow money comes in: a payment provider takes the agency's deposit for a work order
 * and confirms it with its own reference, which the ledger records. {@link RecordedDeposits} is the
 * built-in adapter; a real provider's adapter is a CDI bean implementing this interface, selected
 * over it as an {@code @Alternative} with a {@code @Priority}.
 *
 * <p>{@link EscrowLedger#fund} calls it after checking the amount and while holding the order's
 * ledger lock, inside its transaction: an adapter should answer quickly, and must tolerate being
 * asked again for a deposit whose transaction rolled back.
 */
public interface FundingPort {

  /**
   * Takes a deposit into escrow.
   *
   * @param workOrderId the order the money is for
   * @param amount a positive amount in the order's currency
   * @param reference the agency's own reference for the deposit, such as a bank transfer's
   * @return the provider's confirmation
   */
  DepositConfirmation deposit(long workOrderId, Money amount, String reference);

  /**
   * A provider's confirmation of a deposit.
   *
   * @param providerReference how the provider names the deposit: the ledger's reference for it
   */
  record DepositConfirmation(String providerReference) {}
}
