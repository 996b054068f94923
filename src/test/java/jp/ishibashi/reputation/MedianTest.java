package jp.ishibashi.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void noValuesHaveNoMedian() {
    assertNull(Median.of(List.of()));
  }

  @Test
  void anOddCountTakesTheMiddleValue() {
    assertEquals(3.0, Median.of(List.of(9.0, 1.0, 3.0)));
    assertEquals(2.5, Median.of(List.of(2.5)));
  }

  @Test
  void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.5, Median.of(List.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(1.5, Median.of(List.of(2.0, 1.0)));
  }

  @Test
  void theInputIsNotReordered() {
    List<Double> values = new java.util.ArrayList<>(List.of(3.0, 1.0, 2.0));
    Median.of(values);
    assertEquals(List.of(3.0, 1.0, 2.0), values);
  }
}
