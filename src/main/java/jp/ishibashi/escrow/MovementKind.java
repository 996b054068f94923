package jp.ishibashi.escrow;

/**
 * What a movement does, and so which account it takes from and which it adds to. Every money effect
 * of a work order is one of these:
 *
 * <ul>
 *   <li>escrow funding before work starts, and extra escrow for an amendment (追加仮払い): {@link
 *       #FUND};
 *   <li>payment on acceptance or deemed acceptance, and a kill fee on cancellation: {@link
 *       #RELEASE} (a partial one where only part is owed);
 *   <li>the unspent rest going back to the agency, as on cancellation: {@link #REFUND}.
 * </ul>
 */
public enum MovementKind {
  /** The agency deposits money into escrow. */
  FUND(LedgerAccount.AGENCY_FUNDING, LedgerAccount.ESCROW_HELD),
  /** Escrowed money is paid to the subcontractor. */
  RELEASE(LedgerAccount.ESCROW_HELD, LedgerAccount.RELEASED_TO_SUBCONTRACTOR),
  /** Escrowed money goes back to the agency. */
  REFUND(LedgerAccount.ESCROW_HELD, LedgerAccount.REFUNDED_TO_AGENCY);

  private final LedgerAccount from;
  private final LedgerAccount to;

  MovementKind(LedgerAccount from, LedgerAccount to) {
    this.from = from;
    this.to = to;
  }

  /** The account the money leaves: its entry is negative. */
  public LedgerAccount from() {
    return from;
  }

  /** The account the money arrives in: its entry is positive. */
  public LedgerAccount to() {
    return to;
  }
}
