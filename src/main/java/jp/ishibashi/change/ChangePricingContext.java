package jp.ishibashi.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.ishibashi.change.policy.AgencyPricing;
import jp.ishibashi.change.policy.PricingPolicies;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.WorkOrder;

/**
 * What a change is priced with: the agency's stored pricing policy, rate card and quote validity
 * (or the defaults), and whether the subcontractor is an individual whose fee bears withholding
 * tax.
 */
@ApplicationScoped
public class ChangePricingContext {

  @Inject private PricingPolicies policies;

  AgencyPricing pricing(Actor actor) {
    return policies.forAgency(actor);
  }

  boolean withholding(WorkOrder order) {
    return order.getSubcontractor() != null
        && policies.withholdingApplies(order.getSubcontractor().getId());
  }
}
