package jp.ishibashi.workorder;

/** The two sides of a work order. */
public enum Party {
  /** 発注者 */
  AGENCY,
  /** 受注者 */
  SUBCONTRACTOR;

  public Party other() {
    return this == AGENCY ? SUBCONTRACTOR : AGENCY;
  }
}
