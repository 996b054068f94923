package jp.ishibashi.change;

/** What one edit of a change request does. */
public enum EditType {
  /** Adds a line (追加). */
  ADD_LINE,
  /** Changes an agreed line's text, criteria, quantity or price. */
  MODIFY_LINE,
  /** Removes an agreed line; work done on it keeps at least its kill fee. */
  REMOVE_LINE,
  /** Moves the delivery date. */
  MOVE_DUE_DATE,
  /** Ends the rest of the order by agreement: every line not yet accepted. */
  CANCEL_REMAINING;

  /** Whether the edit names an agreed line. */
  public boolean namesLine() {
    return this == MODIFY_LINE || this == REMOVE_LINE;
  }
}
