package jp.ishibashi.reputation;

/**
 * What the portal knows of an agency's conduct towards its subcontractors (実績), as numbers only:
 * never rows of the agency. A median is null while there is nothing to take it of.
 *
 * @param medianDaysToFund median days from both signatures to the escrow's funding (仮払い)
 * @param medianDaysToAccept median days from a delivery to its acceptance (検収), deemed included
 * @param deemedAcceptances deliveries accepted by silence when the review period ended
 * @param rejections deliveries the agency rejected
 * @param lateChangeRequests change requests the agency made 7 days or less before the due date
 * @param latePayments orders released from escrow after the end of the payment due date
 * @param ordersCounted the agency's signed orders, the base of every fact
 */
public record ReputationFacts(
    Double medianDaysToFund,
    Double medianDaysToAccept,
    long deemedAcceptances,
    long rejections,
    long lateChangeRequests,
    long latePayments,
    long ordersCounted) {}
