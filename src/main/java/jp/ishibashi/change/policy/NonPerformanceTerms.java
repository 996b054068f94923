package jp.ishibashi.change.policy;

/**
 * When an agency may act on overdue work (民法 art. 541, 催告解除): a demand may be sent once the
 * due date plus {@code graceDays} has passed, and it gives {@code demandDays} to deliver.
 *
 * @param graceDays calendar days after the due date before a demand may be sent, 0 to 90
 * @param demandDays calendar days a demand gives to deliver, 1 to 90
 */
public record NonPerformanceTerms(int graceDays, int demandDays) {

  public static final int DEFAULT_GRACE_DAYS = 7;
  public static final int DEFAULT_DEMAND_DAYS = 7;

  /** A demand may follow the due date at once. */
  public static final int MIN_GRACE_DAYS = 0;

  /** A quarter at most, as the column allows: longer leaves overdue work unanswered too long. */
  public static final int MAX_GRACE_DAYS = 90;

  /** A demand must give some time to perform: a reasonable period (相当の期間), never none. */
  public static final int MIN_DEMAND_DAYS = 1;

  public static final int MAX_DEMAND_DAYS = 90;

  public NonPerformanceTerms {
    if (graceDays < MIN_GRACE_DAYS || graceDays > MAX_GRACE_DAYS) {
      throw new IllegalArgumentException("graceDays " + graceDays);
    }
    if (demandDays < MIN_DEMAND_DAYS || demandDays > MAX_DEMAND_DAYS) {
      throw new IllegalArgumentException("demandDays " + demandDays);
    }
  }

  public static NonPerformanceTerms defaults() {
    return new NonPerformanceTerms(DEFAULT_GRACE_DAYS, DEFAULT_DEMAND_DAYS);
  }
}
