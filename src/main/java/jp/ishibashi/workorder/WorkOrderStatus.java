package jp.ishibashi.workorder;

/** Where a work order stands, from the first draft to payment (see docs/architecture.md). */
public enum WorkOrderStatus {
  /** Being written by the agency; the subcontractor does not see it. */
  DRAFT,
  /** Sent: both sides propose, counter and accept, line by line. */
  NEGOTIATING,
  /** Every line and the terms are accepted by both sides; the agreement awaits signatures. */
  AGREED,
  /** Both parties signed the agreement: its content is fixed; only change requests alter it. */
  SIGNED,
  /** The agency funded the escrow (仮払い): work may start. */
  FUNDED,
  /** The subcontractor delivered (納品); the agency reviews it (検収) within the review period. */
  DELIVERED,
  /**
   * Every line accepted (by the agency, or deemed on silence) and the escrow released to the
   * subcontractor: the agreement's total with tax, to the yen. Terminal.
   */
  PAID,
  /**
   * Ended before it was paid in full: cancelled before funding, or after funding terminated by the
   * agency, withdrawn by the subcontractor or ended for non-performance (see {@link Ending}).
   * Terminal; nothing is held.
   */
  CANCELLED;

  /** Signed and not yet finished: change requests may be proposed. */
  public boolean isUnderContract() {
    return this == SIGNED || this == FUNDED || this == DELIVERED;
  }
}
