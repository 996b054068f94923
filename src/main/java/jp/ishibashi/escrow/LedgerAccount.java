package jp.ishibashi.escrow;

/**
 * The four accounts of one work order's escrow ledger. Every movement takes money out of one of
 * them and puts it into another (see {@link MovementKind}).
 *
 * <p>Sign convention: an entry's amount is what its account gains. A positive entry adds to the
 * account's balance and a negative one takes from it, so a balance is the plain sum of the
 * account's entries. Money deposited by the agency comes out of {@link #AGENCY_FUNDING}, the
 * counter-account of deposits: its balance is minus everything the agency ever deposited, and it is
 * the only account whose balance is negative. The other three never go below zero.
 */
public enum LedgerAccount {
  /** Where deposits come from: minus the total the agency deposited (仮払い). Never positive. */
  AGENCY_FUNDING,
  /** What the portal holds for the order now, deposited and neither released nor refunded. */
  ESCROW_HELD,
  /** What was paid out to the subcontractor (支払い確定): on acceptance, or as a kill fee. */
  RELEASED_TO_SUBCONTRACTOR,
  /** What went back to the agency, such as the unspent rest on cancellation. */
  REFUNDED_TO_AGENCY;

  /** Whether the balance may be below zero; true only for the counter-account of deposits. */
  public boolean mayBeNegative() {
    return this == AGENCY_FUNDING;
  }
}
