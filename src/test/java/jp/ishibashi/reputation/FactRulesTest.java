package jp.ishibashi.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FactRulesTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final LocalDate DUE = LocalDate.of(2025, 3, 20);

  @Test
  void daysAreFractional() {
    Instant signed = Instant.parse("2025-03-01T00:00:00Z");
    assertEquals(1.5, FactRules.daysBetween(signed, Instant.parse("2025-03-02T12:00:00Z")), 1e-9);
    assertEquals(0.0, FactRules.daysBetween(signed, signed), 1e-9);
  }

  @Test
  void aChangeSevenCalendarDaysOrLessBeforeTheDueDateIsLate() {
    assertFalse(FactRules.isLateChange(DUE.minusDays(8), DUE));
    assertTrue(FactRules.isLateChange(DUE.minusDays(7), DUE));
    assertTrue(FactRules.isLateChange(DUE, DUE));
    assertTrue(FactRules.isLateChange(DUE.plusDays(3), DUE), "after the due date is later still");
    assertFalse(FactRules.isLateChange(DUE, null), "an order without a delivery date");
  }

  @Test
  void theStoredQuoteSaysWhenTheChangeWasRequestedAndWhatWasDue() {
    assertTrue(FactRules.isLateChange("{\"requestedOn\":\"2025-03-18\",\"dueDate\":\"2025-03-20\",\"rush\":null}"));
    assertFalse(FactRules.isLateChange("{\"requestedOn\":\"2025-03-01\",\"dueDate\":\"2025-03-20\"}"));
    assertFalse(FactRules.isLateChange("{\"requestedOn\":\"2025-03-18\",\"dueDate\":null}"));
    assertFalse(FactRules.isLateChange("{\"requestedOn\":\"2025-03-18\"}"));
  }

  @Test
  void aPaymentIsLateOnlyOnceTheDueDayHasEndedInThePortalsZone() {
    // 23:59 on the due date in Tokyo is 14:59 UTC; midnight after it is 15:00 UTC.
    assertFalse(FactRules.isLatePayment(Instant.parse("2025-03-20T14:59:59Z"), DUE, TOKYO));
    assertTrue(FactRules.isLatePayment(Instant.parse("2025-03-20T15:00:00Z"), DUE, TOKYO));
    assertFalse(FactRules.isLatePayment(Instant.parse("2025-03-01T00:00:00Z"), DUE, TOKYO));
  }
}
