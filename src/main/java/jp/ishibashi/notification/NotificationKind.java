package jp.ishibashi.notification;

/**
 * What a notification tells its recipient. Each kind has the text {@code notification.<KIND>} in
 * the messages bundle, in both languages, with the arguments {@code {0}} the order number, {@code
 * {1}} the order title and, where the kind names one, {@code {2}}:
 *
 * <ul>
 *   <li>{@link #LINE_COUNTERED}: the line's number;
 *   <li>{@link #REVIEW_ENDS_SOON}: the date the review period ends;
 *   <li>{@link #CHANGE_PRICED}, {@link #CHANGE_ACCEPTED}: the change request's number;
 *   <li>{@link #PERFORMANCE_DEMANDED}: the date the demand's deadline ends.
 * </ul>
 */
public enum NotificationKind {
  ORDER_SENT,
  LINE_COUNTERED,
  SIGNATURE_NEEDED,
  FUNDED,
  DELIVERED,
  REVIEW_ENDS_SOON,
  DEEMED_ACCEPTED,
  CHANGE_PRICED,
  CHANGE_ACCEPTED,
  PERFORMANCE_DEMANDED,
  ORDER_ENDED;

  /** The key of its text in the messages bundle. */
  public String messageKey() {
    return "notification." + name();
  }
}
