package jp.ishibashi.settlement;

/** Where one line of the current agreement stands, for paying it or ending it. */
public enum LineProgress {
  /** Work on the order has not started. */
  NOT_STARTED,
  /** Work started; the line is neither delivered nor accepted. */
  IN_PROGRESS,
  /** In the delivery under review (納品済み・検収中). */
  UNDER_REVIEW,
  /** Accepted (検収済み) and paid: it stays paid whatever happens next. */
  ACCEPTED
}
