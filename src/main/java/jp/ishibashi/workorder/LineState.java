package jp.ishibashi.workorder;

/** The negotiation state of one scope line. */
public enum LineState {
  /** Proposed (or countered) by one side; the other side has to answer. */
  PROPOSED,
  /** Accepted by the side that did not propose it: both sides agree. */
  ACCEPTED,
  /** One side proposes to drop the line; the other side has to answer. */
  REMOVAL_PROPOSED,
  /** Dropped by agreement; kept for the history, not counted. */
  REMOVED
}
