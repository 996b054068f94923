package jp.ishibashi.change.policy;

/**
 * When an agency may act on overdue work (民法 art. 541, 催告解除): a demand may be sent once the
 * due date plus {@code graceDays} has passed, and it gives {@code demandDays} to deliver.
 */
public record NonPerformanceTerms(int graceDays, int demandDays) {

  public static final int DEFAULT_GRACE_DAYS = 7;
  public static final int DEFAULT_DEMAND_DAYS = 7;

  public static NonPerformanceTerms defaults() {
    return new NonPerformanceTerms(DEFAULT_GRACE_DAYS, DEFAULT_DEMAND_DAYS);
  }
}
