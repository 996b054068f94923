package jp.ishibashi.change;

import java.time.LocalDate;
import java.util.List;
import jp.ishibashi.change.pricing.BreakdownLine;
import jp.ishibashi.change.pricing.ExtensionAlternative;
import jp.ishibashi.change.pricing.Note;
import jp.ishibashi.change.pricing.Quote;
import jp.ishibashi.change.pricing.QuoteTotals;
import jp.ishibashi.shared.Money;

/**
 * A quote as it is stored with its change request and sent over the API: every amount a decimal
 * string in the quote's currency, with each explanation in Japanese and English. Stored once,
 * when the change is priced, and never recomputed: what a party accepts is exactly what was shown.
 */
public record QuoteSnapshot(
    String currency,
    LocalDate requestedOn,
    LocalDate dueDate,
    LocalDate newDueDate,
    List<Item> breakdown,
    List<Remark> notes,
    String scopeDelta,
    String killFees,
    Rush rush,
    Totals totals,
    Extension extension,
    String explanationJa,
    String explanationEn) {

  /** One amount with its basis. */
  public record Item(
      String kind,
      String lineRef,
      String description,
      String amount,
      String explanationJa,
      String explanationEn) {}

  /** A warning or a note for the person deciding. */
  public record Remark(String severity, String lineRef, String textJa, String textEn) {}

  /** The rush surcharge: its rate, the calendar days left when requested, and its amount. */
  public record Rush(String rate, long daysLeft, String addedWork, String amount) {

    /** The rate as a percentage: "100" for 1, "25" for 0.25. */
    public String percent() {
      return new java.math.BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * The change's money: positive extra escrow to fund before the added work starts, or the refund
   * when the change lowers the fee.
   */
  public record Totals(
      String subtotal,
      String tax,
      String total,
      String withholding,
      String payable,
      String extraEscrow,
      String refund) {}

  /** The extension that would replace the surcharge, and the money if it is taken. */
  public record Extension(
      long days, LocalDate newDueDate, String addedHours, String dailyCapacityHours, Totals totals) {}

  public static QuoteSnapshot of(Quote q) {
    return new QuoteSnapshot(
        q.currency().getCurrencyCode(),
        q.requestedOn(),
        q.dueDate(),
        q.newDueDate(),
        q.breakdown().stream().map(QuoteSnapshot::item).toList(),
        q.notes().stream().map(QuoteSnapshot::remark).toList(),
        text(q.scopeDelta()),
        text(q.killFees()),
        q.rush() == null
            ? null
            : new Rush(
                q.rush().rate().stripTrailingZeros().toPlainString(),
                q.rush().daysLeft(),
                text(q.rush().addedWork()),
                text(q.rush().amount())),
        totals(q.totals()),
        extension(q.extension()),
        q.explanationJa(),
        q.explanationEn());
  }

  /** The explanation in the language given ("ja" or anything else for English). */
  public String explanation(String language) {
    return "ja".equals(language) ? explanationJa : explanationEn;
  }

  /** Whether the quote carries a rush surcharge above zero. */
  public boolean hasSurcharge() {
    return rush != null && Money.of(rush.amount(), currency).isPositive();
  }

  public Money money(String amount) {
    return Money.of(amount, currency);
  }

  private static Item item(BreakdownLine b) {
    return new Item(
        b.kind().name(),
        b.lineRef(),
        b.description(),
        text(b.amount()),
        b.explanationJa(),
        b.explanationEn());
  }

  private static Remark remark(Note n) {
    return new Remark(n.severity().name(), n.lineRef(), n.textJa(), n.textEn());
  }

  private static Totals totals(QuoteTotals t) {
    return new Totals(
        text(t.subtotal()),
        text(t.tax()),
        text(t.total()),
        text(t.withholding()),
        text(t.payable()),
        text(t.extraEscrow()),
        text(t.refund()));
  }

  private static Extension extension(ExtensionAlternative e) {
    return e == null
        ? null
        : new Extension(
            e.days(),
            e.newDueDate(),
            e.addedHours().stripTrailingZeros().toPlainString(),
            e.dailyCapacityHours().stripTrailingZeros().toPlainString(),
            totals(e.totals()));
  }

  private static String text(Money m) {
    return m == null ? null : m.amount().toPlainString();
  }
}
