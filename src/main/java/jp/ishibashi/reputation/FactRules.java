package jp.ishibashi.reputation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The day arithmetic behind the reputation facts, free of the database. */
final class FactRules {

  /** A change request this many calendar days or fewer before the due date is late. */
  static final int LATE_CHANGE_DAYS = 7;

  private static final double SECONDS_PER_DAY = 86_400.0;

  private FactRules() {}

  /** Fractional days from one moment to a later one: 36 hours is 1.5. */
  static double daysBetween(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
  }

  /**
   * Whether a change requested on a date came late: at most {@link #LATE_CHANGE_DAYS} calendar
   * days before the delivery date then in force, or after it.
   */
  static boolean isLateChange(LocalDate requestedOn, LocalDate dueDate) {
    return requestedOn != null
        && dueDate != null
        && !requestedOn.isBefore(dueDate.minusDays(LATE_CHANGE_DAYS));
  }

  /**
   * Whether a change request's stored quote says it came late. The quote keeps the request date
   * and the delivery date of the agreement it priced, so a later extension does not hide it.
   */
  static boolean isLateChange(String quoteJson) {
    try (JsonReader reader = Json.createReader(new StringReader(quoteJson))) {
      JsonObject quote = reader.readObject();
      return isLateChange(date(quote, "requestedOn"), date(quote, "dueDate"));
    }
  }

  /** Whether money paid at a moment was late for a date due: after that day ended in the zone. */
  static boolean isLatePayment(Instant paidAt, LocalDate dueOn, ZoneId zone) {
    return !paidAt.isBefore(dueOn.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static LocalDate date(JsonObject object, String name) {
    if (!object.containsKey(name) || object.isNull(name)) {
      return null;
    }
    return LocalDate.parse(object.getString(name));
  }
}
