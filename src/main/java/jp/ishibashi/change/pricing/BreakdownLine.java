package jp.ishibashi.change.pricing;

import java.util.Objects;
import jp.ishibashi.shared.Money;

/**
 * One amount of a quote with its basis, in Japanese and English.
 *
 * @param lineRef the line the amount is about: an agreed line's number ("3"), a new line's place
 *     among the added ones ("A1"), or null for an amount of the whole change
 * @param description the line's text, or null for an amount of the whole change
 * @param amount positive for what the client pays more, negative for a credit
 */
public record BreakdownLine(
    Kind kind,
    String lineRef,
    String description,
    Money amount,
    String explanationJa,
    String explanationEn) {

  /** What an amount is for. */
  public enum Kind {
    /** A new line at its proposed price. */
    ADDED_LINE,
    /** More quantity of an agreed line, at its new unit price. */
    ADDED_QUANTITY,
    /** A new unit price on the quantity an agreed line keeps. */
    PRICE_CHANGE,
    /** A line, or part of its quantity, taken out of the scope: a credit. */
    REMOVED,
    /** What is still paid for done work that is removed. */
    KILL_FEE,
    /** The surcharge on added work that must fit before the due date. */
    RUSH_SURCHARGE
  }

  public BreakdownLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(explanationJa, "explanationJa");
    Objects.requireNonNull(explanationEn, "explanationEn");
  }
}
