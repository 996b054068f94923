package jp.ishibashi.workorder;

/**
 * How a work order was ended, and so how the escrow is settled (see DESIGN, "The agreement
 * binds"): accepted lines always stay paid.
 */
public enum Ending {
  /** Before funding, by either side: nothing is held. */
  CANCELLED(OrderAction.CANCEL),
  /** By the agency after funding: lines in progress are paid their kill fee, the rest refunded. */
  TERMINATED(OrderAction.TERMINATE),
  /** By the subcontractor after funding: everything not accepted is refunded. */
  WITHDRAWN(OrderAction.WITHDRAW),
  /** By the agency after an unanswered demand (催告): the rest is refunded, no kill fee. */
  NON_PERFORMANCE(OrderAction.END_FOR_NON_PERFORMANCE),
  /**
   * By both: a change request cancelling the rest, accepted and signed like any amendment; its
   * kill-fee lines are paid as the quote priced them, the rest refunded.
   */
  MUTUAL(OrderAction.CHANGE);

  private final OrderAction action;

  Ending(OrderAction action) {
    this.action = action;
  }

  /** The lifecycle action that ends the order this way. */
  public OrderAction action() {
    return action;
  }
}
