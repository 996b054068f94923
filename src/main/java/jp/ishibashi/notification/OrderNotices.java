package jp.ishibashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;

/**
 * Notifies a work order's parties about it, inside the caller's transaction: the agency through
 * the staff member who created the order, the subcontractor directly. The order number and title
 * are the first two arguments of every notice.
 */
@ApplicationScoped
public class OrderNotices {

  @Inject private Notifications notifications;

  /** Notifies the side that did not act. */
  public void toOtherSide(
      Actor actor, WorkOrder order, Party actingSide, NotificationKind kind, String... more) {
    to(actor, order, actingSide.other(), kind, more);
  }

  public void to(Actor actor, WorkOrder order, Party side, NotificationKind kind, String... more) {
    Long recipient = recipient(order, side);
    if (recipient != null) {
      notifications.notify(actor, recipient, kind, order.getId(), args(order, more));
    }
  }

  public void toBoth(Actor actor, WorkOrder order, NotificationKind kind, String... more) {
    to(actor, order, Party.AGENCY, kind, more);
    to(actor, order, Party.SUBCONTRACTOR, kind, more);
  }

  private static Long recipient(WorkOrder order, Party side) {
    if (side == Party.AGENCY) {
      return order.getCreatedBy();
    }
    return order.getSubcontractor() == null ? null : order.getSubcontractor().getId();
  }

  private static String[] args(WorkOrder order, String... more) {
    List<String> all = new ArrayList<>();
    all.add(order.getNumber());
    all.add(order.getTitle());
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
