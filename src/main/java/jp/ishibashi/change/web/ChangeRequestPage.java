package jp.ishibashi.change.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.change.ChangeRequests.PricedChange;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrders;

/**
 * One change request and its quote: the explanation of every amount, the rush surcharge beside
 * the extension that would replace it, and the answers the viewer may give — accept, reject with
 * a reason, counter with the extension, or withdraw its own request.
 */
@Named
@ViewScoped
public class ChangeRequestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ChangeRequests changes;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;
  @Inject private jp.ishibashi.workorder.WorkOrders workOrders;

  private String order;
  private String request;
  private long orderId;
  private long requestId;
  private transient PricedChange priced;
  private transient jp.ishibashi.workorder.WorkOrderView view;
  /** False in an instance restored on another node, whose transient state must be loaded again. */
  private transient boolean live = true;
  private Party viewer;
  private String rejectReason;

  public void load() {
    try {
      orderId = Long.parseLong(order);
      requestId = Long.parseLong(request);
    } catch (NumberFormatException | NullPointerException e) {
      Pages.notFound();
      return;
    }
    try {
      reload();
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  /** After the view moved to another node, loads what the view action had loaded. */
  private void restore() {
    if (!live) {
      live = true;
      if (priced == null && requestId != 0) {
        Pages.loadAgain(this::reload);
      }
    }
  }

  private void reload() {
    live = true;
    priced = changes.get(currentUser.actor(), orderId, requestId);
    view = workOrders.view(currentUser.actor(), orderId);
    viewer =
        currentUser.actor().isSubcontractor() ? Party.SUBCONTRACTOR : Party.AGENCY;
  }

  public String accept() {
    return act(() -> changes.accept(currentUser.actor(), orderId, requestId), "change.accepted", true);
  }

  public String reject() {
    return act(
        () -> changes.reject(currentUser.actor(), orderId, requestId, rejectReason),
        "change.rejected",
        false);
  }

  public String withdraw() {
    return act(() -> changes.withdraw(currentUser.actor(), orderId, requestId), "change.withdrawn", false);
  }

  /** Counters with the same edits and the due date moved by the quote's extension. */
  public String counterWithExtension() {
    try {
      ChangeProposal proposal =
          priced
              .proposal()
              .withDueDate(
                  priced.quote().extension().newDueDate(),
                  Pages.text("change.extensionReason", priced.request().reference()));
      ChangeRequest counter = changes.counter(currentUser.actor(), orderId, requestId, proposal);
      Pages.info("change.countered");
      return "/orders/change-request?faces-redirect=true&order=" + orderId + "&request=" + counter.getId();
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      Pages.error(e);
      reload();
      return null;
    }
  }

  private String act(Runnable action, String doneKey, boolean toOrder) {
    try {
      action.run();
      Pages.info(doneKey);
      return toOrder
          ? "/orders/work-order?faces-redirect=true&id=" + orderId
          : "/orders/change-request?faces-redirect=true&order=" + orderId + "&request=" + requestId;
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      Pages.errorAt("answer", e);
      reload();
      return null;
    }
  }

  /** The request's state now: a priced request past its expiry shows as expired. */
  public ChangeRequest.State getState() {
    restore();
    return priced.request().stateAt(clock.now());
  }

  /** Whether the viewer is the side that decides on this request, and the order allows it now. */
  public boolean isDecider() {
    restore();
    return view.can("CHANGE")
        && getState() == ChangeRequest.State.PRICED
        && viewer != priced.request().getProposedBy();
  }

  public boolean isWithdrawable() {
    restore();
    ChangeRequest.State state = getState();
    return view.can("CHANGE")
        && (state == ChangeRequest.State.PRICED || state == ChangeRequest.State.EXPIRED)
        && viewer == priced.request().getProposedBy();
  }

  public jp.ishibashi.workorder.WorkOrderView getView() {
    restore();
    return view;
  }

  public PricedChange getPriced() {
    restore();
    return priced;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public long getOrderId() {
    return orderId;
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public void setRejectReason(String rejectReason) {
    this.rejectReason = rejectReason;
  }
}
