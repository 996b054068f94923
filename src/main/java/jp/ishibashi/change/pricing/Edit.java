package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;

/**
 * One edit of a change request (変更依頼). Several edits form one {@link Proposal}, priced together.
 * Each line, and the due date, may be edited at most once in a proposal, so the quote never depends
 * on how edits of the same thing would combine.
 */
public sealed interface Edit {

  /** A new scope line at its proposed price. A price of zero is refused (unpaid change). */
  record AddLine(
      String text,
      BigDecimal quantity,
      Unit unit,
      Money unitPrice,
      String category,
      String acceptanceCriteria)
      implements Edit {}

  /**
   * A change to an agreed line. A null field stays as agreed. Lowering the unit price of work that
   * has started is refused: that is a fee reduction (減額), which the Freelance Act forbids.
   */
  record ModifyLine(
      int number, BigDecimal quantity, Money unitPrice, String text, String acceptanceCriteria)
      implements Edit {

    public static ModifyLine quantity(int number, BigDecimal quantity) {
      return new ModifyLine(number, quantity, null, null, null);
    }

    public static ModifyLine unitPrice(int number, Money unitPrice) {
      return new ModifyLine(number, null, unitPrice, null, null);
    }
  }

  /** Removes an agreed line; a kill fee keeps the value of the work already done on it. */
  record RemoveLine(int number) implements Edit {}

  /** Moves the due date; it may not fall before the date of the request. */
  record MoveDueDate(LocalDate newDueDate) implements Edit {}

  /**
   * Cancels the work that remains: every line not yet delivered is removed, with the kill fee for
   * lines in progress. Delivered lines stay and are paid.
   */
  record CancelRemaining() implements Edit {}
}
