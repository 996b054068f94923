package jp.ishibashi.change.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a quote depends on. The request date comes in from the caller (the portal's clock), so
 * the same input always gives the same quote.
 *
 * @param requestedOn the calendar date of the change request, in the portal's time zone
 * @param rateCard the agency's rate card; null means none
 * @param withholding whether the subcontractor is an individual whose fee is subject to withholding
 *     tax (源泉徴収)
 */
public record PricingInput(
    AgreedScope agreement,
    Proposal proposal,
    LocalDate requestedOn,
    PricingPolicy policy,
    RateCard rateCard,
    boolean withholding) {

  public PricingInput {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(requestedOn, "requestedOn");
    Objects.requireNonNull(policy, "policy");
    rateCard = rateCard == null ? RateCard.empty() : rateCard;
  }
}
