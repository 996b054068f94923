package jp.ishibashi.change.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.workorder.WorkOrder;

/**
 * The change section of a signed order's page: its change requests, the way to propose one, and
 * the redline of the current agreement against version 1.
 */
@Named
@ViewScoped
public class ChangePanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ChangeRequests changes;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;

  private Long loadedFor;
  private transient List<ChangeRequest> requests;

  /** One line of the redline: how the current agreement differs from version 1 on that line. */
  public record RedlineRow(int number, String text, String change, List<Difference> details) {}

  /** One field of a line that differs: its message key, the value in version 1 and now. */
  public record Difference(String field, String from, String to) {}

  /** The order's change requests, newest first; loaded once per view. */
  public List<ChangeRequest> requests(WorkOrder order) {
    if (requests == null || !Objects.equals(loadedFor, order.getId())) {
      requests = changes.ofOrder(currentUser.actor(), order.getId());
      loadedFor = order.getId();
    }
    return requests;
  }

  public ChangeRequest.State stateOf(ChangeRequest request) {
    return request.stateAt(clock.now());
  }

  /** Whether a change may be proposed now: the agreement is signed and no amendment is pending. */
  public boolean proposable(List<Agreement> versions) {
    return !versions.isEmpty()
        && versions.stream().noneMatch(a -> a.getState() == Agreement.State.AWAITING_SIGNATURES)
        && versions.stream().anyMatch(a -> a.getState() == Agreement.State.SIGNED);
  }

  /**
   * The current agreement (the newest version not void) against version 1, line by line:
   * added, removed, changed (with old → new values) and unchanged lines. Empty until an
   * amendment exists.
   */
  public List<RedlineRow> redline(List<Agreement> versions) {
    List<Agreement> live =
        versions.stream()
            .filter(a -> a.getState() != Agreement.State.VOID)
            .sorted(Comparator.comparingInt(Agreement::getVersionNumber))
            .toList();
    if (live.size() < 2) {
      return List.of();
    }
    AgreementContent first = live.get(0).content();
    AgreementContent current = live.get(live.size() - 1).content();
    Map<Long, AgreementContent.Line> before = new LinkedHashMap<>();
    first.lines().forEach(l -> before.put(l.lineId(), l));
    List<RedlineRow> rows = new ArrayList<>();
    for (AgreementContent.Line now : current.lines()) {
      AgreementContent.Line old = before.remove(now.lineId());
      if (old == null) {
        rows.add(new RedlineRow(now.number(), now.text(), "ADDED", List.of()));
        continue;
      }
      List<Difference> details = new ArrayList<>();
      diff(details, "line.text", old.text(), now.text());
      diff(details, "line.acceptanceCriteria", old.acceptanceCriteria(), now.acceptanceCriteria());
      diff(details, "line.quantity", plain(old.quantity()), plain(now.quantity()));
      diff(details, "line.unitPrice", plain(old.unitPrice()), plain(now.unitPrice()));
      rows.add(
          new RedlineRow(
              now.number(), now.text(), details.isEmpty() ? "UNCHANGED" : "CHANGED", details));
    }
    before.values().forEach(l -> rows.add(new RedlineRow(l.number(), l.text(), "REMOVED", List.of())));
    return rows;
  }

  private static void diff(List<Difference> out, String field, String old, String now) {
    if (!Objects.equals(old, now)) {
      out.add(new Difference(field, old == null ? "" : old, now == null ? "" : now));
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }
}
