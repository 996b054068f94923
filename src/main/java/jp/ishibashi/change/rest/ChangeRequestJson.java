package jp.ishibashi.change.rest;

import java.time.Instant;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests.PricedChange;
import jp.ishibashi.change.QuoteSnapshot;

/**
 * A change request over JSON: who proposed what and why, the agreement version it priced, its
 * state (EXPIRED once the quote has expired), how it ended, and its quote with the breakdown and
 * the explanation of every amount.
 */
public record ChangeRequestJson(
    long id,
    String reference,
    long workOrderId,
    String state,
    String proposedBy,
    String reason,
    int agreementVersion,
    Instant createdAt,
    Instant expiresAt,
    Instant decidedAt,
    String decisionReason,
    Long counterOf,
    Long amendmentId,
    ChangeProposal proposal,
    QuoteSnapshot quote) {

  static ChangeRequestJson of(PricedChange priced, Instant now) {
    ChangeRequest r = priced.request();
    return new ChangeRequestJson(
        r.getId(),
        r.reference(),
        r.getWorkOrderId(),
        r.stateAt(now).name(),
        r.getProposedBy().name(),
        r.getReason(),
        r.getAgreementVersion(),
        r.getCreatedAt(),
        r.getExpiresAt(),
        r.getDecidedAt(),
        r.getDecisionReason(),
        r.getCounterOf(),
        r.getAmendmentId(),
        priced.proposal(),
        priced.quote());
  }
}
