package jp.ishibashi.workorder;

import java.util.List;
import java.util.Map;
import jp.ishibashi.agreement.Agreement;

/**
 * Everything a work order page shows, loaded with a fixed number of queries whatever the number
 * of lines: the order with its lines, the viewer's side, each line's history, and the versions
 * of its agreement, newest first.
 */
public record WorkOrderView(
    WorkOrder order,
    Party viewer,
    String agencyName,
    Map<Long, List<LineRevision>> history,
    List<Agreement> agreements) {

  public List<LineRevision> historyOf(ScopeLine line) {
    return history.getOrDefault(line.getId(), List.of());
  }

  public boolean isAgency() {
    return viewer == Party.AGENCY;
  }
}
