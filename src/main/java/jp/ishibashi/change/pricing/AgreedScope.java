package jp.ishibashi.change.pricing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The agreement version a change is priced against: its lines in the agreed order, its due date
 * (納期) and its currency. A quote is valid only for this version.
 */
public record AgreedScope(List<AgreedLine> lines, LocalDate dueDate, Currency currency) {

  public AgreedScope {
    lines = List.copyOf(lines);
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(currency, "currency");
  }
}
