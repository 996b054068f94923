package jp.ishibashi.workorder;

import java.util.List;
import java.util.Map;

/**
 * Everything a work order page shows, loaded with a fixed number of queries whatever the number
 * of lines: the order with its lines, the viewer's side and what it may do now, and each line's
 * history.
 */
public record WorkOrderView(
    WorkOrder order,
    Party viewer,
    String agencyName,
    Map<Long, List<LineRevision>> history) {

  public List<LineRevision> historyOf(ScopeLine line) {
    return history.getOrDefault(line.getId(), List.of());
  }

  /** What the viewer may do now, by the order's lifecycle table. */
  public java.util.Set<OrderAction> allowed() {
    return order.allowedActions(viewer);
  }

  /** Whether the viewer may do the action (by its name, for pages) now. */
  public boolean can(String action) {
    return allowed().contains(OrderAction.valueOf(action));
  }

  public boolean isAgency() {
    return viewer == Party.AGENCY;
  }
}
