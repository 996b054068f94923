package jp.ishibashi.change.pricing;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;

/**
 * An agency's rate card (単価表): its standard unit price per unit and category. New prices in a
 * change are compared with it, so that a price above the card is flagged for the agency and one
 * below it for the subcontractor (a fee far below market, 買いたたき, is a prohibited act). The card
 * only informs; the proposed price is what the quote charges.
 */
public record RateCard(Map<Key, Money> prices) {

  /** A unit and a category; a null category is the card's price for the unit in any category. */
  public record Key(Unit unit, String category) {

    public Key {
      Objects.requireNonNull(unit, "unit");
    }
  }

  public RateCard {
    prices = Map.copyOf(prices);
  }

  public static RateCard empty() {
    return new RateCard(Map.of());
  }

  /** This card with one more price. */
  public RateCard with(Unit unit, String category, Money price) {
    Map<Key, Money> more = new HashMap<>(prices);
    more.put(new Key(unit, category), price);
    return new RateCard(more);
  }

  /**
   * The card's price for a unit and category, else its price for the unit in any category; none
   * when the card has neither or prices it in another currency.
   */
  public Optional<Money> priceFor(Unit unit, String category, Currency currency) {
    Money price = category == null ? null : prices.get(new Key(unit, category));
    if (price == null) {
      price = prices.get(new Key(unit, null));
    }
    return Optional.ofNullable(price).filter(p -> p.currency().equals(currency));
  }
}
