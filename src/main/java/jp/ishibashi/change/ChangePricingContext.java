package jp.ishibashi.change;

import jakarta.enterprise.context.ApplicationScoped;
import jp.ishibashi.change.pricing.PricingPolicy;
import jp.ishibashi.change.pricing.RateCard;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.WorkOrder;

/** What a change is priced with: the agency's policy and rate card, and the subcontractor's tax. */
@ApplicationScoped
public class ChangePricingContext {

  PricingPolicy policy(Actor actor) {
    return PricingPolicy.defaults();
  }

  RateCard rateCard(Actor actor) {
    return RateCard.empty();
  }

  int quoteValidDays(Actor actor) {
    return 7;
  }

  boolean withholding(WorkOrder order) {
    return false;
  }
}
