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
  /** Accepted by the agency, or deemed accepted when the review period passed in silence. */
  ACCEPTED,
  /** The escrow was released to the subcontractor. */
  PAID,
  /** Cancelled: before funding by either side; after funding by the agreed terms. */
  CANCELLED;

  /** Signed and not yet finished: change requests may be proposed. */
  public boolean isUnderContract() {
    return this == SIGNED || this == FUNDED || this == DELIVERED;
  }
}
