package jp.ishibashi.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.shared.Bounds;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.shared.Money;

/**
 * What one scope line says: text, deliverable (成果物), acceptance criteria (検収基準), quantity,
 * unit and unit price. Immutable; every proposal or counter-proposal is a new content, so the
 * history keeps each version and a redline compares two of them.
 */
@Embeddable
public class LineContent {

  public static final int MAX_TEXT = 2000;
  public static final int MAX_DELIVERABLE = 1000;
  public static final int MAX_CRITERIA = 2000;

  @Column(name = "text", nullable = false, length = MAX_TEXT)
  private String text;

  @Column(name = "deliverable", length = MAX_DELIVERABLE)
  private String deliverable;

  @Column(name = "acceptance_criteria", length = MAX_CRITERIA)
  private String acceptanceCriteria;

  @Column(name = "quantity", nullable = false, precision = 14, scale = Bounds.QUANTITY_DECIMALS)
  private BigDecimal quantity;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit", nullable = false, length = 20)
  private Unit unit;

  @Column(name = "unit_price_minor", nullable = false)
  private long unitPriceMinor;

  protected LineContent() {}

  private LineContent(
      String text,
      String deliverable,
      String acceptanceCriteria,
      BigDecimal quantity,
      Unit unit,
      long unitPriceMinor) {
    this.text = text;
    this.deliverable = deliverable;
    this.acceptanceCriteria = acceptanceCriteria;
    this.quantity = quantity;
    this.unit = unit;
    this.unitPriceMinor = unitPriceMinor;
  }

  /**
   * Validates what a person typed. Text is required; quantity is positive, within {@link
   * Bounds#quantity}; the unit price is zero or more, within {@link Bounds#amount}; so is the line
   * amount. Each bound is checked before any arithmetic on the number.
   */
  public static LineContent of(
      String text,
      String deliverable,
      String acceptanceCriteria,
      BigDecimal quantity,
      Unit unit,
      BigDecimal unitPrice,
      Currency currency) {
    String t = Texts.required(text, "text", MAX_TEXT);
    String d = Texts.optional(deliverable, "deliverable", MAX_DELIVERABLE);
    String c = Texts.optional(acceptanceCriteria, "acceptanceCriteria", MAX_CRITERIA);
    if (quantity == null) {
      throw DomainException.at("quantity", "error.line.quantity.required");
    }
    if (quantity.signum() <= 0) {
      throw DomainException.at("quantity", "error.line.quantity.positive");
    }
    Bounds.quantity(quantity, "quantity");
    if (unit == null) {
      throw DomainException.at("unit", "error.line.unit.required");
    }
    if (unitPrice == null) {
      throw DomainException.at("unitPrice", "error.line.price.required");
    }
    if (unitPrice.signum() < 0) {
      throw DomainException.at("unitPrice", "error.line.price.negative");
    }
    Money price = new Money(Bounds.amount(unitPrice, currency, "unitPrice"), currency);
    BigDecimal scaled = quantity.setScale(Bounds.QUANTITY_DECIMALS, RoundingMode.UNNECESSARY);
    LineContent content = new LineContent(t, d, c, scaled, unit, price.minor());
    if (content.amount(currency).amount().compareTo(Bounds.MAX_AMOUNT) > 0) {
      throw DomainException.at("quantity", "error.line.amount.tooLarge", Bounds.MAX_AMOUNT);
    }
    return content;
  }

  /** Quantity times unit price, rounded half up to the currency's minor unit. */
  public Money amount(Currency currency) {
    return unitPrice(currency).times(quantity, RoundingMode.HALF_UP);
  }

  public Money unitPrice(Currency currency) {
    return Money.ofMinor(unitPriceMinor, currency);
  }

  /** The fields that differ from an earlier content, for a redline. */
  public List<String> changedFrom(LineContent earlier) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(text, earlier.text)) {
      changed.add("text");
    }
    if (!Objects.equals(deliverable, earlier.deliverable)) {
      changed.add("deliverable");
    }
    if (!Objects.equals(acceptanceCriteria, earlier.acceptanceCriteria)) {
      changed.add("acceptanceCriteria");
    }
    if (quantity.compareTo(earlier.quantity) != 0) {
      changed.add("quantity");
    }
    if (unit != earlier.unit) {
      changed.add("unit");
    }
    if (unitPriceMinor != earlier.unitPriceMinor) {
      changed.add("unitPrice");
    }
    return changed;
  }

  public boolean sameAs(LineContent other) {
    return changedFrom(other).isEmpty();
  }

  /** A copy, so that a revision never shares its embedded state with the live line. */
  LineContent copy() {
    return new LineContent(text, deliverable, acceptanceCriteria, quantity, unit, unitPriceMinor);
  }

  public String getText() {
    return text;
  }

  public String getDeliverable() {
    return deliverable;
  }

  public String getAcceptanceCriteria() {
    return acceptanceCriteria;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public Unit getUnit() {
    return unit;
  }

  public long getUnitPriceMinor() {
    return unitPriceMinor;
  }
}
