package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import jp.ishibashi.shared.Money;

/**
 * The rush surcharge (特急料金) of a quote.
 *
 * @param rate the tier's rate, or 0 when the change adds no work or moves the due date far enough
 * @param daysLeft calendar days from the request to the due date the change leaves (0 if overdue)
 * @param addedWork the amount of added work the rate applies to
 * @param amount added work times rate, rounded half up to the minor unit
 */
public record RushSurcharge(BigDecimal rate, long daysLeft, Money addedWork, Money amount) {}
