package jp.ishibashi.settlement;

import jp.ishibashi.shared.Money;

/** What the escrow releases for one line, with tax, and on what basis. */
public record LinePay(long lineId, Money amount, Basis basis) {

  /** Why a line is paid. */
  public enum Basis {
    /** Accepted by the agency or deemed accepted: its amount with tax. */
    ACCEPTED,
    /** Delivered and under review when the agency terminated: paid in full. */
    DELIVERED,
    /** In progress when the agency terminated: the policy's kill fee with tax. */
    KILL_FEE
  }
}
