package jp.ishibashi.change.pricing;

import jakarta.ejb.Stateless;

/**
 * Prices change requests for the use cases that load an agreement, the agency's policy and rate
 * card, and the request date from the portal's clock. It holds no state and touches no database:
 * all of the pricing is {@link PricingCalculator}'s, so it is tested without a container.
 */
@Stateless
public class PricingService {

  private final PricingCalculator calculator = new PricingCalculator();

  /** The quote of a proposed change; a refused change throws a {@code DomainException}. */
  public Quote price(PricingInput input) {
    return calculator.price(input);
  }
}
