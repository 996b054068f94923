package jp.ishibashi.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.change.pricing.Edit;
import jp.ishibashi.change.pricing.Proposal;
import jp.ishibashi.shared.Bounds;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.workorder.Unit;

/**
 * A change request as a party writes it, on the page or in JSON: a reason and one or more edits.
 * It is stored as written with the change request, and turned into the pricing core's {@link
 * Proposal} to be priced.
 */
public record ChangeProposal(String reason, List<ChangeEdit> edits) {

  public static final int MAX_REASON = 2000;

  public ChangeProposal {
    edits = edits == null ? List.of() : List.copyOf(edits);
  }

  /**
   * One edit of the given {@link EditType}; {@code line} is the line's number in the agreement
   * version the request is priced against, for MODIFY_LINE and REMOVE_LINE. For MODIFY_LINE,
   * empty fields stay as agreed.
   */
  public record ChangeEdit(
      EditType type,
      Integer line,
      String text,
      String deliverable,
      String acceptanceCriteria,
      BigDecimal quantity,
      String unit,
      BigDecimal unitPrice,
      LocalDate newDueDate) {

    public static ChangeEdit addLine(
        String text, String deliverable, String criteria, BigDecimal quantity, Unit unit, BigDecimal price) {
      return new ChangeEdit(EditType.ADD_LINE, null, text, deliverable, criteria, quantity, unit.name(), price, null);
    }

    public static ChangeEdit removeLine(int line) {
      return new ChangeEdit(EditType.REMOVE_LINE, line, null, null, null, null, null, null, null);
    }

    public static ChangeEdit cancelRemaining() {
      return new ChangeEdit(EditType.CANCEL_REMAINING, null, null, null, null, null, null, null, null);
    }

    public static ChangeEdit moveDueDate(LocalDate date) {
      return new ChangeEdit(EditType.MOVE_DUE_DATE, null, null, null, null, null, null, null, date);
    }
  }

  /** The same proposal with the due date moved as well (or moved elsewhere): a counter-offer. */
  public ChangeProposal withDueDate(LocalDate date, String newReason) {
    List<ChangeEdit> moved = new ArrayList<>();
    for (ChangeEdit e : edits) {
      if (e.type() != EditType.MOVE_DUE_DATE) {
        moved.add(e);
      }
    }
    moved.add(ChangeEdit.moveDueDate(date));
    return new ChangeProposal(newReason, moved);
  }

  /** The proposal for the pricing core, in the order's currency; refused with field messages. */
  Proposal toPricing(java.util.Currency currency) {
    String why = Texts.required(reason, "reason", MAX_REASON);
    if (edits.isEmpty()) {
      throw DomainException.at("edits", "error.change.empty");
    }
    List<Edit> priced = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      priced.add(edit(edits.get(i), "edits[" + i + "].", currency));
    }
    return new Proposal(priced, why);
  }

  private static Edit edit(ChangeEdit e, String at, java.util.Currency currency) {
    if (e.type() == null) {
      throw DomainException.at(at + "type", "error.change.editType");
    }
    return switch (e.type()) {
      case ADD_LINE ->
          new Edit.AddLine(
              e.text(),
              e.quantity(),
              unit(e.unit(), at),
              money(e.unitPrice(), currency, at),
              null,
              e.acceptanceCriteria());
      case MODIFY_LINE ->
          new Edit.ModifyLine(
              number(e.line(), at),
              e.quantity(),
              e.unitPrice() == null ? null : money(e.unitPrice(), currency, at),
              blankToNull(e.text()),
              blankToNull(e.acceptanceCriteria()));
      case REMOVE_LINE -> new Edit.RemoveLine(number(e.line(), at));
      case MOVE_DUE_DATE -> {
        if (e.newDueDate() == null) {
          throw DomainException.at(at + "newDueDate", "error.field.required");
        }
        yield new Edit.MoveDueDate(e.newDueDate());
      }
      case CANCEL_REMAINING -> new Edit.CancelRemaining();
    };
  }

  private static int number(Integer line, String at) {
    if (line == null) {
      throw DomainException.at(at + "line", "error.change.lineRequired");
    }
    return line;
  }

  private static Unit unit(String unit, String at) {
    try {
      return Unit.valueOf(unit);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw DomainException.at(at + "unit", "error.line.unit.required");
    }
  }

  private static Money money(BigDecimal amount, java.util.Currency currency, String at) {
    if (amount == null) {
      throw DomainException.at(at + "unitPrice", "error.line.price.required");
    }
    return new Money(Bounds.amount(amount, currency, at + "unitPrice"), currency);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
