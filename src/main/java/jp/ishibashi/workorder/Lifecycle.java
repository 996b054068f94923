package jp.ishibashi.workorder;

import static jp.ishibashi.workorder.OrderAction.ACCEPT_TERMS;
import static jp.ishibashi.workorder.OrderAction.ANSWER_LINES;
import static jp.ishibashi.workorder.OrderAction.CANCEL;
import static jp.ishibashi.workorder.OrderAction.CHANGE;
import static jp.ishibashi.workorder.OrderAction.DELIVER;
import static jp.ishibashi.workorder.OrderAction.DEMAND;
import static jp.ishibashi.workorder.OrderAction.EDIT_LINES;
import static jp.ishibashi.workorder.OrderAction.EDIT_TERMS;
import static jp.ishibashi.workorder.OrderAction.END_FOR_NON_PERFORMANCE;
import static jp.ishibashi.workorder.OrderAction.FUND;
import static jp.ishibashi.workorder.OrderAction.FUND_EXTRA;
import static jp.ishibashi.workorder.OrderAction.REVIEW;
import static jp.ishibashi.workorder.OrderAction.SEND;
import static jp.ishibashi.workorder.OrderAction.SIGN;
import static jp.ishibashi.workorder.OrderAction.START;
import static jp.ishibashi.workorder.OrderAction.TERMINATE;
import static jp.ishibashi.workorder.OrderAction.WITHDRAW;
import static jp.ishibashi.workorder.Party.AGENCY;
import static jp.ishibashi.workorder.Party.SUBCONTRACTOR;
import static jp.ishibashi.workorder.WorkOrderStatus.AGREED;
import static jp.ishibashi.workorder.WorkOrderStatus.CANCELLED;
import static jp.ishibashi.workorder.WorkOrderStatus.DELIVERED;
import static jp.ishibashi.workorder.WorkOrderStatus.DRAFT;
import static jp.ishibashi.workorder.WorkOrderStatus.FUNDED;
import static jp.ishibashi.workorder.WorkOrderStatus.NEGOTIATING;
import static jp.ishibashi.workorder.WorkOrderStatus.PAID;
import static jp.ishibashi.workorder.WorkOrderStatus.SIGNED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The work order's one transition table: for each state (and whether an accepted amendment still
 * awaits its signatures), each side's allowed {@link OrderAction actions}. Anything not in the
 * table is refused with the message key {@link #refusal} picks. No other class decides whether an
 * action is possible: {@link WorkOrder} asks before changing anything, services ask before acting,
 * pages draw their buttons from {@link #allowed}, and the REST API returns the same set.
 *
 * <p>After both signatures nothing edits the agreed content in place: the only way forward is a
 * priced change request ({@link OrderAction#CHANGE}) that the other side accepts. While a delivery
 * is under review nobody ends the order alone, and a terminal state allows nothing.
 */
public final class Lifecycle {

  private record Key(WorkOrderStatus status, boolean amendmentPending, Party party) {}

  private static final Map<Key, Set<OrderAction>> TABLE = new HashMap<>();

  static {
    allow(DRAFT, AGENCY, EDIT_TERMS, EDIT_LINES, SEND, CANCEL);
    allow(NEGOTIATING, AGENCY, EDIT_TERMS, EDIT_LINES, ANSWER_LINES, CANCEL);
    allow(NEGOTIATING, SUBCONTRACTOR, EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS, CANCEL);
    allow(AGREED, AGENCY, EDIT_TERMS, EDIT_LINES, ANSWER_LINES, SIGN, CANCEL);
    allow(AGREED, SUBCONTRACTOR, EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS, SIGN, CANCEL);
    allow(SIGNED, AGENCY, FUND, CHANGE, CANCEL);
    allow(SIGNED, SUBCONTRACTOR, CHANGE, CANCEL);
    allow(FUNDED, AGENCY, FUND_EXTRA, CHANGE, TERMINATE, DEMAND, END_FOR_NON_PERFORMANCE);
    allow(FUNDED, SUBCONTRACTOR, START, DELIVER, CHANGE, WITHDRAW);
    allow(DELIVERED, AGENCY, REVIEW, FUND_EXTRA);
    allow(DELIVERED, SUBCONTRACTOR);
    allow(PAID, AGENCY);
    allow(PAID, SUBCONTRACTOR);
    allow(CANCELLED, AGENCY);
    allow(CANCELLED, SUBCONTRACTOR);
    // An accepted change awaits both signatures on its amendment: sign it; nothing is funded
    // first, delivered or reviewed on the amended scope, but either side may still end the order.
    pending(SIGNED, AGENCY, SIGN, CANCEL);
    pending(SIGNED, SUBCONTRACTOR, SIGN, CANCEL);
    pending(FUNDED, AGENCY, SIGN, FUND_EXTRA, TERMINATE);
    pending(FUNDED, SUBCONTRACTOR, SIGN, WITHDRAW);
  }

  private Lifecycle() {}

  private static void allow(WorkOrderStatus status, Party party, OrderAction... actions) {
    put(new Key(status, false, party), actions);
  }

  private static void pending(WorkOrderStatus status, Party party, OrderAction... actions) {
    put(new Key(status, true, party), actions);
  }

  private static void put(Key key, OrderAction[] actions) {
    EnumSet<OrderAction> set = EnumSet.noneOf(OrderAction.class);
    Collections.addAll(set, actions);
    TABLE.put(key, Collections.unmodifiableSet(set));
  }

  /** What the side may do in this state; empty for a state the table does not know. */
  public static Set<OrderAction> allowed(
      WorkOrderStatus status, boolean amendmentPending, Party party) {
    return TABLE.getOrDefault(
        new Key(status, amendmentPending && status.isUnderContract(), party), Set.of());
  }

  /** Whether the side may do the action in some state: otherwise it is the other side's. */
  private static boolean everAllowed(OrderAction action, Party party) {
    return TABLE.entrySet().stream()
        .anyMatch(e -> e.getKey().party() == party && e.getValue().contains(action));
  }

  /** Whether a terminal state: nothing more happens to the order. */
  public static boolean isTerminal(WorkOrderStatus status) {
    return status == PAID || status == CANCELLED;
  }

  /**
   * Why the action is refused to the side in this state, as a message key: the terminal state,
   * the other side's action, or what the state itself rules out.
   */
  public static String refusal(
      OrderAction action, WorkOrderStatus status, boolean amendmentPending, Party party) {
    if (isTerminal(status)) {
      return status == PAID ? "error.lifecycle.paid" : "error.lifecycle.cancelled";
    }
    if (allowed(status, amendmentPending, party.other()).contains(action)
        || !everAllowed(action, party)) {
      return party == AGENCY ? "error.delivery.subcontractorOnly" : "error.delivery.agencyOnly";
    }
    boolean signed = status.compareTo(SIGNED) >= 0;
    return switch (action) {
      case EDIT_TERMS, EDIT_LINES, ANSWER_LINES, ACCEPT_TERMS ->
          signed ? "error.workOrder.signed" : "error.workOrder.notNegotiating";
      case SEND -> signed ? "error.workOrder.signed" : "error.workOrder.alreadySent";
      case SIGN -> signed ? "error.agreement.alreadySigned" : "error.agreement.notAgreed";
      case FUND -> signed ? "error.funding.alreadyFunded" : "error.funding.notSigned";
      case FUND_EXTRA -> "error.funding.nothingDue";
      case START, DELIVER ->
          amendmentPending && signed
              ? "error.lifecycle.amendmentPending"
              : status == DELIVERED ? "error.delivery.underReview" : "error.delivery.notFunded";
      case REVIEW ->
          amendmentPending && signed
              ? "error.lifecycle.amendmentPending"
              : "error.delivery.nothingToReview";
      case CHANGE ->
          amendmentPending && signed
              ? "error.change.amendmentPending"
              : status == DELIVERED ? "error.change.underReview" : "error.change.notSigned";
      case CANCEL, TERMINATE, WITHDRAW ->
          status == DELIVERED ? "error.cancel.underReview" : "error.cancel.notNow";
      case DEMAND, END_FOR_NON_PERFORMANCE ->
          status == DELIVERED ? "error.cancel.underReview" : "error.demand.notFunded";
    };
  }
}
