package jp.ishibashi.change.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Currency;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.workorder.Unit;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One price of an agency's rate card (単価表): the standard unit price of a unit, in a category or in
 * any, in one currency. Entries are added and removed, never edited, so what a quote compared a
 * price with is what the card said at the time.
 */
@Entity
@Table(name = "rate_card_entry")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class RateCardEntry {

  /** A category is a short label, such as "design" or "コーディング". */
  public static final int MAX_CATEGORY = 50;

  @Id
  @SequenceGenerator(
      name = "rate_card_entry_seq",
      sequenceName = "rate_card_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rate_card_entry_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Unit unit;

  @Column(length = MAX_CATEGORY)
  private String category;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "unit_price_minor", nullable = false)
  private long unitPriceMinor;

  protected RateCardEntry() {}

  /**
   * A new price; refused at the field when the unit is missing, the category too long, or the price
   * not positive. A blank category is stored as none: the price of the unit in any category.
   */
  RateCardEntry(Unit unit, String category, Money price) {
    if (unit == null) {
      throw DomainException.at("unit", "error.rateCard.unitRequired");
    }
    if (price == null) {
      throw DomainException.at("price", "error.field.required");
    }
    Amounts.positive(price.amount(), price.currency(), "price", "error.rateCard.pricePositive");
    this.unit = unit;
    this.category = category(category);
    this.currency = price.currency().getCurrencyCode();
    this.unitPriceMinor = price.minor();
  }

  /** A category as stored and matched: trimmed, null when blank. */
  static String category(String category) {
    return Texts.optional(category, "category", MAX_CATEGORY);
  }

  public Long getId() {
    return id;
  }

  public Unit getUnit() {
    return unit;
  }

  /** The category, or null for the unit's price in any category. */
  public String getCategory() {
    return category;
  }

  public Currency getCurrency() {
    return Currency.getInstance(currency);
  }

  public Money getPrice() {
    return Money.ofMinor(unitPriceMinor, getCurrency());
  }

  /** Whether this entry prices the same unit, category and currency as another would. */
  boolean prices(Unit unit, String category, Currency currency) {
    return this.unit == unit
        && java.util.Objects.equals(this.category, category)
        && this.currency.equals(currency.getCurrencyCode());
  }

  @Override
  public String toString() {
    return unit + " " + (category == null ? "(any category)" : category) + " " + getPrice();
  }
}
