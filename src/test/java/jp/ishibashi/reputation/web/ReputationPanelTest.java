package jp.ishibashi.reputation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReputationPanelTest {

  private final ReputationPanel panel = new ReputationPanel();

  @Test
  void daysHaveOneDecimalInEveryLanguage() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertEquals("2.5", panel.days(2.5));
      assertEquals("0.0", panel.days(0.04));
      assertEquals("10.3", panel.days(10.26));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void noMedianShowsNothing() {
    assertEquals("", panel.days(null));
  }
}
