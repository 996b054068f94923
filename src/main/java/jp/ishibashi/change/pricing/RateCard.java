package jp.ishibashi.change.pricing;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;

/**
 * An agency's rate card (単価表): its standard unit price per unit and category, in each currency it
 * sets one for (orders may be in yen or in another currency). New prices in a change are compared
 * with the price in the order's currency, so that a price above the card is flagged for the agency and one
 * below it for the subcontractor (a fee far below market, 買いたたき, is a prohibited act). The card
 * only informs; the proposed price is what the quote charges.
 */
public record RateCard(Map<Key, Money> prices) {

  /**
   * A unit, a category and a currency; a null category is the card's price for the unit in any
   * category.
   */
  public record Key(Unit unit, String category, Currency currency) {

    public Key {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(currency, "currency");
    }
  }

  public RateCard {
    prices = Map.copyOf(prices);
    prices.forEach(
        (key, price) -> {
          if (!price.currency().equals(key.currency())) {
            throw new IllegalArgumentException(key + " priced in " + price.currency());
          }
        });
  }

  public static RateCard empty() {
    return new RateCard(Map.of());
  }

  /** This card with one more price, in the price's currency. */
  public RateCard with(Unit unit, String category, Money price) {
    Map<Key, Money> more = new HashMap<>(prices);
    more.put(new Key(unit, category, price.currency()), price);
    return new RateCard(more);
  }

  /**
   * The card's price in this currency for a unit and category, else its price for the unit in any
   * category; none when the card has neither in this currency.
   */
  public Optional<Money> priceFor(Unit unit, String category, Currency currency) {
    Money price = category == null ? null : prices.get(new Key(unit, category, currency));
    if (price == null) {
      price = prices.get(new Key(unit, null, currency));
    }
    return Optional.ofNullable(price);
  }
}
