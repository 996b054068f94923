package jp.ishibashi.workorder.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Unit;

/**
 * One scope line's fields as typed: a new line, or an existing line being edited in place (then
 * with the line's id and the version the user saw).
 */
public class LineForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long lineId;
  private long version;
  private String text;
  private String deliverable;
  private String acceptanceCriteria;
  private BigDecimal quantity = BigDecimal.ONE;
  private Unit unit = Unit.ITEM;
  private BigDecimal unitPrice;

  static LineForm of(ScopeLine line, Currency currency) {
    LineInput input = LineInput.of(line.getContent(), currency);
    LineForm f = new LineForm();
    f.lineId = line.getId();
    f.version = line.getVersion();
    f.text = input.text();
    f.deliverable = input.deliverable();
    f.acceptanceCriteria = input.acceptanceCriteria();
    f.quantity = input.quantity();
    f.unit = input.unit();
    f.unitPrice = input.unitPrice();
    return f;
  }

  LineInput toInput() {
    return new LineInput(text, deliverable, acceptanceCriteria, quantity, unit, unitPrice);
  }

  public Long getLineId() {
    return lineId;
  }

  public long getVersion() {
    return version;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getDeliverable() {
    return deliverable;
  }

  public void setDeliverable(String deliverable) {
    this.deliverable = deliverable;
  }

  public String getAcceptanceCriteria() {
    return acceptanceCriteria;
  }

  public void setAcceptanceCriteria(String acceptanceCriteria) {
    this.acceptanceCriteria = acceptanceCriteria;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public void setQuantity(BigDecimal quantity) {
    this.quantity = quantity;
  }

  public Unit getUnit() {
    return unit;
  }

  public void setUnit(Unit unit) {
    this.unit = unit;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }

  public void setUnitPrice(BigDecimal unitPrice) {
    this.unitPrice = unitPrice;
  }
}
