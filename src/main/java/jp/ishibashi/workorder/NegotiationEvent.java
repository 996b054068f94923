package jp.ishibashi.workorder;

import jp.ishibashi.tenant.Actor;

/**
 * Something in a negotiation the other side should hear about: the order was sent, or one side
 * countered a line. Fired synchronously in the change's transaction; the notification package
 * observes it, so the work order package does not depend on who tells the parties.
 *
 * @param by the side that acted
 * @param line the countered line's position for people reading the order; 0 when none
 */
public record NegotiationEvent(Actor actor, WorkOrder order, Party by, Type type, int line) {

  /** What happened. */
  public enum Type {
    SENT,
    LINE_COUNTERED
  }
}
