package jp.ishibashi.workorder.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Formats;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.LineRevision;
import jp.ishibashi.workorder.MissingTermsException;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrderView;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.workorder.WorkOrders;
import org.omnifaces.util.Faces;
import org.primefaces.event.RowEditEvent;

/**
 * The work order page, for both sides: terms, scope lines with their negotiation actions and
 * inline editing, totals, and each line's history with a redline. Every action calls one
 * {@link WorkOrders} use case with the version the user saw, then reloads what is current.
 */
@Named
@ViewScoped
public class WorkOrderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private WorkOrders workOrders;
  @Inject private Agreements agreements;
  @Inject private CurrentUser currentUser;
  @Inject private Formats formats;

  private String id;
  private long orderId;
  private transient WorkOrderView view;
  private transient List<Agreement> versions;
  private transient List<LineRow> rows;
  /** False in an instance restored on another node, whose transient state must be loaded again. */
  private transient boolean live = true;
  private LineForm newLine = new LineForm();
  private List<String> missing = List.of();

  /** A scope line and the form it is edited with in place. */
  public record LineRow(ScopeLine line, LineForm form, List<HistoryEntry> history) {}

  public void load() {
    try {
      orderId = Long.parseLong(id);
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

  /**
   * The order as loaded for this view. After the view moved to another node (its session was
   * restored from the cluster) the transient state is gone: load it again, as the view action did.
   */
  private WorkOrderView view() {
    if (!live) {
      live = true;
      if (view == null && orderId != 0) {
        Pages.loadAgain(this::reload);
      }
    }
    return view;
  }

  private void reload() {
    live = true;
    view = workOrders.view(currentUser.actor(), orderId);
    WorkOrder order = view.order();
    versions = agreements.versionsOf(currentUser.actor(), order);
    rows = new ArrayList<>();
    for (ScopeLine line : order.getLines()) {
      rows.add(new LineRow(line, LineForm.of(line, order.currencyUnit()), history(line)));
    }
    missing = order.getStatus() == WorkOrderStatus.DRAFT ? order.missingTerms() : List.of();
  }

  private List<HistoryEntry> history(ScopeLine line) {
    List<HistoryEntry> entries = new ArrayList<>();
    LineContent previous = null;
    for (LineRevision r : view.historyOf(line)) {
      List<HistoryEntry.Change> changes = new ArrayList<>();
      if (previous != null) {
        for (String field : r.getContent().changedFrom(previous)) {
          changes.add(
              new HistoryEntry.Change(field, display(previous, field), display(r.getContent(), field)));
        }
      }
      entries.add(new HistoryEntry(r.getAt(), r.getActorName(), r.getParty(), r.getAction(), changes));
      previous = r.getContent();
    }
    return entries;
  }

  private String display(LineContent content, String field) {
    return switch (field) {
      case "text" -> content.getText();
      case "deliverable" -> nullToEmpty(content.getDeliverable());
      case "acceptanceCriteria" -> nullToEmpty(content.getAcceptanceCriteria());
      case "quantity" -> formats.quantity(content.getQuantity());
      case "unit" -> Pages.text("unit." + content.getUnit());
      case "unitPrice" -> formats.money(content.unitPrice(view.order().currencyUnit()));
      default -> "";
    };
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Runs one use case; a refusal is shown, a conflict also reloads the current state. */
  private void act(Runnable action, String doneKey) {
    try {
      action.run();
      if (doneKey != null) {
        Pages.info(doneKey);
      }
    } catch (MissingTermsException e) {
      Pages.error(e);
      missing = e.missing();
      return;
    } catch (DomainException e) {
      Pages.refused(e);
    }
    reload();
  }

  public void send() {
    act(() -> workOrders.send(currentUser.actor(), orderId, order().getVersion()), "workOrder.sent");
  }

  public void acceptTerms() {
    act(
        () -> workOrders.acceptTerms(currentUser.actor(), orderId, order().getVersion()),
        "workOrder.termsAccepted");
  }

  public void addLine() {
    try {
      workOrders.addLine(currentUser.actor(), orderId, newLine.toInput());
      newLine = new LineForm();
      Pages.info("line.added");
      reload();
    } catch (DomainException e) {
      Pages.errorAt("newLine", e);
    }
  }

  /** Saves a line edited in place: a counter-proposal, a revision, or a reopened line. */
  public void onRowEdit(RowEditEvent<LineRow> event) {
    LineForm form = event.getObject().form();
    try {
      workOrders.editLine(
          currentUser.actor(), orderId, form.getLineId(), form.getVersion(), form.toInput());
      Pages.info("line.saved");
      Faces.redirect("orders/work-order.xhtml?id=" + orderId);
    } catch (DomainException e) {
      Pages.refused(e);
      if (e instanceof jp.ishibashi.shared.ConflictException) {
        reload();
      } else {
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
      }
    }
  }

  public void accept(LineRow row) {
    act(
        () ->
            workOrders.acceptLine(
                currentUser.actor(), orderId, row.line().getId(), row.form().getVersion()),
        "line.accepted");
  }

  public void remove(LineRow row) {
    act(
        () ->
            workOrders.removeLine(
                currentUser.actor(), orderId, row.line().getId(), row.form().getVersion()),
        "line.removeProposed");
  }

  public void keep(LineRow row) {
    act(
        () ->
            workOrders.keepLine(
                currentUser.actor(), orderId, row.line().getId(), row.form().getVersion()),
        "line.kept");
  }

  public void move(LineRow row, int direction) {
    act(() -> workOrders.moveLine(currentUser.actor(), orderId, row.line().getId(), direction), null);
  }

  public boolean awaitsMe(LineRow row) {
    return row.line().awaits(view().viewer());
  }

  public boolean isAgency() {
    return view().viewer() == Party.AGENCY;
  }

  public boolean isDraft() {
    return order().getStatus() == WorkOrderStatus.DRAFT;
  }

  /** Whether the viewer may edit lines now, by the order's lifecycle. */
  public boolean isEditable() {
    return view().allowed().contains(OrderAction.EDIT_LINES);
  }

  public boolean isTermsToAccept() {
    return view().allowed().contains(OrderAction.ACCEPT_TERMS)
        && order().getTermsState() == WorkOrder.TermsState.PROPOSED;
  }

  /** The agreement versions, newest first. */
  public List<Agreement> getAgreements() {
    view();
    return versions;
  }

  public WorkOrder order() {
    return view().order();
  }

  public WorkOrder getOrder() {
    return view() == null ? null : view.order();
  }

  public WorkOrderView getView() {
    return view();
  }

  public List<LineRow> getRows() {
    view();
    return rows;
  }

  public LineForm getNewLine() {
    return newLine;
  }

  public List<String> getMissing() {
    return missing;
  }

  public jp.ishibashi.workorder.Unit[] getUnits() {
    return jp.ishibashi.workorder.Unit.values();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
