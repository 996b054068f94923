package jp.ishibashi.change.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.change.QuoteSnapshot;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrderView;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Proposing a change to a signed order, or countering the other party's: the reason, the edits,
 * and a live price preview from the same pricing service that prices the request when it is sent.
 */
@Named
@ViewScoped
public class ProposeChangePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ChangeRequests changes;
  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;

  private String order;
  private String counter;
  private long orderId;
  private Long counterOf;
  private String reason;
  private final List<EditForm> edits = new ArrayList<>();
  private transient WorkOrderView view;
  @Inject private jp.ishibashi.agreement.Agreements agreements;
  private transient List<AgreementContent.Line> agreedLines = List.of();
  // The price shown is not kept when the view moves to another node: pricing it again is one click.
  private transient QuoteSnapshot preview;
  /** False in an instance restored on another node, whose transient state must be loaded again. */
  private transient boolean live = true;

  public void load() {
    try {
      orderId = Long.parseLong(order);
      counterOf = counter == null || counter.isBlank() ? null : Long.parseLong(counter);
    } catch (NumberFormatException e) {
      Pages.notFound();
      return;
    }
    try {
      loadOrder();
      if (counterOf != null && edits.isEmpty()) {
        ChangeRequests.PricedChange original =
            changes.get(currentUser.actor(), orderId, counterOf);
        original.proposal().edits().forEach(e -> edits.add(EditForm.of(e)));
      }
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  private void loadOrder() {
    live = true;
    view = workOrders.view(currentUser.actor(), orderId);
    agreedLines =
        agreements.versionsOf(currentUser.actor(), view.order()).stream()
            .filter(a -> a.getState() == jp.ishibashi.agreement.Agreement.State.SIGNED)
            .findFirst()
            .map(a -> a.content().lines())
            .orElse(List.of());
  }

  /** After the view moved to another node, loads what the view action had loaded. */
  private void restore() {
    if (!live) {
      live = true;
      if (view == null && orderId != 0) {
        Pages.loadAgain(this::loadOrder);
      }
    }
  }

  public void add(String type) {
    edits.add(EditForm.of(type));
    preview = null;
  }

  public void remove(EditForm edit) {
    edits.remove(edit);
    preview = null;
  }

  /** Prices the proposal as it stands, without saving it. */
  public void preview() {
    try {
      preview = changes.preview(currentUser.actor(), orderId, proposal());
    } catch (NotFoundException e) {
      Pages.refused(e);
    } catch (DomainException e) {
      preview = null;
      refused(e);
    }
  }

  /** Sends the request (or the counter) and opens it. */
  public String send() {
    try {
      ChangeRequest sent =
          counterOf == null
              ? changes.propose(currentUser.actor(), orderId, proposal())
              : changes.counter(currentUser.actor(), orderId, counterOf, proposal());
      Pages.info(counterOf == null ? "change.proposed" : "change.countered");
      return "/orders/change-request?faces-redirect=true&order=" + orderId + "&request=" + sent.getId();
    } catch (NotFoundException e) {
      Pages.refused(e);
      return null;
    } catch (DomainException e) {
      refused(e);
      return null;
    }
  }

  /**
   * Shows a refusal at its field: the reason or the list of edits; a rule about one edit (its
   * field is like {@code edits[2].unitPrice}) is shown above the form, naming the edit.
   */
  private static void refused(DomainException e) {
    if (e.field() != null && e.field().startsWith("edits[")) {
      int number = Integer.parseInt(e.field().substring(6, e.field().indexOf(']'))) + 1;
      Pages.errorAt(
          "change",
          DomainException.at(null, "change.editRefused", number, Pages.text(e.key(), e.args())));
    } else {
      Pages.errorAt("change", e);
    }
  }

  private ChangeProposal proposal() {
    return new ChangeProposal(reason, edits.stream().map(EditForm::toEdit).toList());
  }

  public List<String> getEditTypes() {
    return java.util.Arrays.stream(jp.ishibashi.change.EditType.values()).map(Enum::name).toList();
  }

  public Unit[] getUnits() {
    return Unit.values();
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public String getCounter() {
    return counter;
  }

  public void setCounter(String counter) {
    this.counter = counter;
  }

  public long getOrderId() {
    return orderId;
  }

  public boolean isCountering() {
    return counterOf != null;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public List<EditForm> getEdits() {
    return edits;
  }

  public WorkOrderView getView() {
    restore();
    return view;
  }

  public List<AgreementContent.Line> getAgreedLines() {
    restore();
    return agreedLines;
  }

  public QuoteSnapshot getPreview() {
    return preview;
  }
}
