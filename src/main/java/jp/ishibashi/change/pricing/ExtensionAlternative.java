package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The due-date extension (納期延長) that avoids the rush surcharge, offered beside it so that the
 * subcontractor can counter with it: the added work's hours divided by the daily capacity, rounded
 * up to whole calendar days, added to the agreed due date.
 *
 * @param totals the change's money when the extension is taken and the surcharge is not charged
 */
public record ExtensionAlternative(
    long days,
    LocalDate newDueDate,
    BigDecimal addedHours,
    BigDecimal dailyCapacityHours,
    QuoteTotals totals) {}
