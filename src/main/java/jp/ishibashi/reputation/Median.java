package jp.ishibashi.reputation;

import java.util.Collection;

/** The median of a set of numbers: the middle one, or the mean of the two middle ones. */
public final class Median {

  private Median() {}

  /** The median, or null for no values. */
  public static Double of(Collection<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
