package jp.ishibashi.workorder;

import java.math.BigDecimal;

/** A scope line as typed in a form or sent to the API, before validation. */
public record LineInput(
    String text,
    String deliverable,
    String acceptanceCriteria,
    BigDecimal quantity,
    Unit unit,
    BigDecimal unitPrice) {

  /** The content of an existing line, as a starting point for an edit. */
  public static LineInput of(LineContent content, java.util.Currency currency) {
    return new LineInput(
        content.getText(),
        content.getDeliverable(),
        content.getAcceptanceCriteria(),
        content.getQuantity(),
        content.getUnit(),
        content.unitPrice(currency).amount());
  }
}
