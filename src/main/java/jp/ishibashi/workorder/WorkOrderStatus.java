package jp.ishibashi.workorder;

/** Where a work order stands; later states (signed, funded, …) come with their features. */
public enum WorkOrderStatus {
  /** Being written by the agency; the subcontractor does not see it. */
  DRAFT,
  /** Sent: both sides propose, counter and accept, line by line. */
  NEGOTIATING,
  /** Every line and the terms are accepted by both sides; the agreement awaits signatures. */
  AGREED,
  /** Both parties signed the agreement: its content is fixed; only change requests alter it. */
  SIGNED
}
