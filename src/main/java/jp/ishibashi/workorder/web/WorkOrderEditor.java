package jp.ishibashi.workorder.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderView;
import jp.ishibashi.workorder.WorkOrders;

/** The agency's terms editor: a new work order, or the terms of an existing one. */
@Named
@ViewScoped
public class WorkOrderEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;

  private String id;
  private Long orderId;
  private long version;
  private String number;
  private TermsForm terms;
  private transient List<UserAccount> subcontractors;

  public void load() {
    try {
      subcontractors = workOrders.engagedSubcontractors(currentUser.actor());
      if (id == null || id.isBlank()) {
        terms = new TermsForm();
        terms.setCommissionedOn(clock.today());
        return;
      }
      orderId = Long.parseLong(id);
      WorkOrderView view = workOrders.view(currentUser.actor(), orderId);
      WorkOrder order = view.order();
      version = order.getVersion();
      number = order.getNumber();
      // After signing the terms are the agreement's: the form is not shown, the reason is.
      order.require(OrderAction.EDIT_TERMS, view.viewer());
      terms = TermsForm.of(order);
    } catch (NumberFormatException e) {
      Pages.notFound();
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public String save() {
    try {
      WorkOrder order =
          orderId == null
              ? workOrders.create(currentUser.actor(), terms.toTerms())
              : workOrders.reviseTerms(currentUser.actor(), orderId, version, terms.toTerms());
      Pages.info("workOrder.saved", order.getNumber());
      return "/orders/work-order?faces-redirect=true&id=" + order.getId();
    } catch (DomainException e) {
      Pages.errorAt("terms", e);
      return null;
    }
  }

  public boolean isNew() {
    return orderId == null;
  }

  public String getNumber() {
    return number;
  }

  public Long getOrderId() {
    return orderId;
  }

  public TermsForm getTerms() {
    return terms;
  }

  public List<UserAccount> getSubcontractors() {
    if (subcontractors == null) { // a view restored on another node
      subcontractors = workOrders.engagedSubcontractors(currentUser.actor());
    }
    return subcontractors;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
