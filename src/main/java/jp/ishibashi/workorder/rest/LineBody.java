package jp.ishibashi.workorder.rest;

import java.math.BigDecimal;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.Unit;

/** A scope line as a client sends it, to add a line or to edit or counter one. */
public record LineBody(
    String text,
    String deliverable,
    String acceptanceCriteria,
    BigDecimal quantity,
    Unit unit,
    BigDecimal unitPrice,
    Long version) {

  LineInput input() {
    return new LineInput(text, deliverable, acceptanceCriteria, quantity, unit, unitPrice);
  }
}
