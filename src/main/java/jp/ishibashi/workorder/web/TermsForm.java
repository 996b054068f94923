package jp.ishibashi.workorder.web;

import java.io.Serializable;
import java.time.LocalDate;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.WorkOrder;

/** The terms fields of the work order editor, as typed. */
public class TermsForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String title;
  private String description;
  private Long subcontractorId;
  private String language = "ja";
  private String currency = "JPY";
  private LocalDate commissionedOn;
  private LocalDate periodStart;
  private LocalDate deliveryDate;
  private String placeOfDelivery;
  private Integer reviewDays = 7;
  private LocalDate paymentDueDate;
  private String paymentMethod;

  static TermsForm of(WorkOrder order) {
    TermsForm f = new TermsForm();
    f.title = order.getTitle();
    f.description = order.getDescription();
    f.subcontractorId = order.getSubcontractor() == null ? null : order.getSubcontractor().getId();
    f.language = order.getLanguage();
    f.currency = order.getCurrency();
    f.commissionedOn = order.getCommissionedOn();
    f.periodStart = order.getPeriodStart();
    f.deliveryDate = order.getDeliveryDate();
    f.placeOfDelivery = order.getPlaceOfDelivery();
    f.reviewDays = order.getReviewDays();
    f.paymentDueDate = order.getPaymentDueDate();
    f.paymentMethod = order.getPaymentMethod();
    return f;
  }

  Terms toTerms() {
    return new Terms(
        title,
        description,
        subcontractorId,
        language,
        currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
        commissionedOn,
        periodStart,
        deliveryDate,
        placeOfDelivery,
        reviewDays,
        paymentDueDate,
        paymentMethod);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Long getSubcontractorId() {
    return subcontractorId;
  }

  public void setSubcontractorId(Long subcontractorId) {
    this.subcontractorId = subcontractorId;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public LocalDate getCommissionedOn() {
    return commissionedOn;
  }

  public void setCommissionedOn(LocalDate commissionedOn) {
    this.commissionedOn = commissionedOn;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public void setPeriodStart(LocalDate periodStart) {
    this.periodStart = periodStart;
  }

  public LocalDate getDeliveryDate() {
    return deliveryDate;
  }

  public void setDeliveryDate(LocalDate deliveryDate) {
    this.deliveryDate = deliveryDate;
  }

  public String getPlaceOfDelivery() {
    return placeOfDelivery;
  }

  public void setPlaceOfDelivery(String placeOfDelivery) {
    this.placeOfDelivery = placeOfDelivery;
  }

  public Integer getReviewDays() {
    return reviewDays;
  }

  public void setReviewDays(Integer reviewDays) {
    this.reviewDays = reviewDays;
  }

  public LocalDate getPaymentDueDate() {
    return paymentDueDate;
  }

  public void setPaymentDueDate(LocalDate paymentDueDate) {
    this.paymentDueDate = paymentDueDate;
  }

  public String getPaymentMethod() {
    return paymentMethod;
  }

  public void setPaymentMethod(String paymentMethod) {
    this.paymentMethod = paymentMethod;
  }
}
