package jp.ishibashi.settlement;

import jp.ishibashi.shared.Money;

/**
 * One line of the current agreement version as settlement sees it: its stable id, its amount
 * without tax, and how far it got.
 */
public record SettledLine(long lineId, Money amount, LineProgress progress) {}
