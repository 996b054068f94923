package jp.ishibashi.change.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import jp.ishibashi.change.ChangeProposal.ChangeEdit;
import jp.ishibashi.change.EditType;
import jp.ishibashi.workorder.Unit;

/** One edit of a change request as typed on the page; turned into a {@link ChangeEdit}. */
public class EditForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String type;
  private Integer line;
  private String text;
  private String deliverable;
  private String acceptanceCriteria;
  private BigDecimal quantity;
  private Unit unit = Unit.PAGE;
  private BigDecimal unitPrice;
  private LocalDate newDueDate;

  static EditForm of(String type) {
    EditForm f = new EditForm();
    f.type = type;
    if ("ADD_LINE".equals(type)) {
      f.quantity = BigDecimal.ONE;
    }
    return f;
  }

  static EditForm of(ChangeEdit e) {
    EditForm f = new EditForm();
    f.type = e.type().name();
    f.line = e.line();
    f.text = e.text();
    f.deliverable = e.deliverable();
    f.acceptanceCriteria = e.acceptanceCriteria();
    f.quantity = e.quantity();
    f.unit = e.unit() == null ? Unit.PAGE : Unit.valueOf(e.unit());
    f.unitPrice = e.unitPrice();
    f.newDueDate = e.newDueDate();
    return f;
  }

  ChangeEdit toEdit() {
    boolean adding = "ADD_LINE".equals(type);
    return new ChangeEdit(
        type == null ? null : EditType.valueOf(type),
        line,
        text,
        adding ? deliverable : null,
        acceptanceCriteria,
        quantity,
        adding && unit != null ? unit.name() : null,
        unitPrice,
        newDueDate);
  }

  public String getType() {
    return type;
  }

  public Integer getLine() {
    return line;
  }

  public void setLine(Integer line) {
    this.line = line;
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

  public LocalDate getNewDueDate() {
    return newDueDate;
  }

  public void setNewDueDate(LocalDate newDueDate) {
    this.newDueDate = newDueDate;
  }
}
