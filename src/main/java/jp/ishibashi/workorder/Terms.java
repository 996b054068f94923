package jp.ishibashi.workorder;

import java.time.LocalDate;

/**
 * The terms of a work order as the agency writes them: everything but the scope lines. Fields
 * may be missing while the order is a draft; sending checks that the Freelance Act's required
 * terms (3条明示事項) are all there.
 *
 * @param subcontractorId one of the agency's engaged subcontractors
 * @param language the agreement's language, {@code ja} or {@code en}
 * @param currency an ISO 4217 code; amounts are in its minor units
 * @param periodStart for a service period, its first day; the delivery date is its last
 * @param reviewDays the inspection (検収) period after delivery
 */
public record Terms(
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
    String paymentMethod) {}
