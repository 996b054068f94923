package jp.ishibashi.workorder.rest;

import java.time.LocalDate;
import jp.ishibashi.workorder.Terms;

/**
 * The terms of a work order as a client sends them, to create an order or to revise its terms. A
 * revision also names the order version it was based on.
 */
public record TermsBody(
    String title,
    String description,
    Long subcontractorId,
    String language,
    String currency,
    LocalDate commissionedOn,
    LocalDate periodStart,
    LocalDate deliveryDate,
    String placeOfDelivery,
    Integer reviewDays,
    LocalDate paymentDueDate,
    String paymentMethod,
    Long version) {

  Terms terms() {
    return new Terms(
        title,
        description,
        subcontractorId,
        language,
        currency,
        commissionedOn,
        periodStart,
        deliveryDate,
        placeOfDelivery,
        reviewDays,
        paymentDueDate,
        paymentMethod);
  }
}
