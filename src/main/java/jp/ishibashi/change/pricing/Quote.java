package jp.ishibashi.change.pricing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import jp.ishibashi.shared.Money;

/**
 * A priced change request — 変更見積. Immutable, and the same for the same input: it lists each amount
 * with its basis, the totals, and the due-date extension that would replace the rush surcharge, and
 * explains all of it in Japanese and English for the UI and the PDF.
 *
 * @param dueDate the agreed due date
 * @param newDueDate the due date after the change (the agreed one unless the change moves it)
 * @param scopeDelta added and changed work minus removed work, at the proposed and agreed prices
 * @param killFees what is still paid for done work that the change removes
 * @param extension the extension offered instead of the surcharge; null when there is no surcharge
 *     to avoid
 */
public record Quote(
    Currency currency,
    LocalDate requestedOn,
    LocalDate dueDate,
    LocalDate newDueDate,
    List<BreakdownLine> breakdown,
    List<Note> notes,
    Money scopeDelta,
    Money killFees,
    RushSurcharge rush,
    QuoteTotals totals,
    ExtensionAlternative extension,
    String explanationJa,
    String explanationEn) {

  public Quote {
    breakdown = List.copyOf(breakdown);
    notes = List.copyOf(notes);
  }

  /** Whether any note asks a person to look before accepting. */
  public boolean hasWarnings() {
    return notes.stream().anyMatch(n -> n.severity() == Note.Severity.WARNING);
  }
}
