package jp.ishibashi.workorder;

/**
 * Everything a party may do to a work order, as the {@link Lifecycle} table names it. Pages draw
 * their buttons from the allowed set, services ask before acting, and the REST API returns the
 * viewer's allowed actions by these names.
 */
public enum OrderAction {
  /** Write or revise the terms (the agency). */
  EDIT_TERMS,
  /** Add, edit, move or propose removing scope lines. */
  EDIT_LINES,
  /** Accept a proposed line, or keep a line the other side proposes to remove. */
  ANSWER_LINES,
  /** The subcontractor accepts the terms. */
  ACCEPT_TERMS,
  /** Send the draft to the subcontractor. */
  SEND,
  /** Sign the agreed version, or an amendment awaiting signatures. */
  SIGN,
  /** Fund the escrow with the agreed total (仮払い). */
  FUND,
  /** Fund what an amendment added (追加仮払い). */
  FUND_EXTRA,
  /** Record the start of work. */
  START,
  /** Deliver the work, or chosen lines of it (納品). */
  DELIVER,
  /** Accept or reject the delivery under review (検収). */
  REVIEW,
  /** Propose a change request, or answer one. */
  CHANGE,
  /** Cancel before funding. */
  CANCEL,
  /** The agency ends a funded order: work in progress is paid its kill fee. */
  TERMINATE,
  /** The subcontractor withdraws from a funded order: what is not accepted is refunded. */
  WITHDRAW,
  /** The agency demands performance of overdue lines by a deadline (催告). */
  DEMAND,
  /** The agency ends the overdue lines after an unanswered demand, without a kill fee. */
  END_FOR_NON_PERFORMANCE
}
