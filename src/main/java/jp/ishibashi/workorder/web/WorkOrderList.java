package jp.ishibashi.workorder.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderSearch;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The list of work orders: for agency staff all of the agency's, filterable by status and
 * subcontractor; for a subcontractor the ones addressed to it in the agency it works in. Rows are
 * loaded a page at a time from the database, sorted there.
 */
@Named
@ViewScoped
public class WorkOrderList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;

  private WorkOrderStatus status;
  private Long subcontractorId;
  private transient List<UserAccount> subcontractors;

  /** The table's rows; transient (a page of entities), made again after a move to another node. */
  private transient LazyDataModel<WorkOrder> rows;

  private WorkOrderSearch search(Map<String, SortMeta> sortBy) {
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    return sort == null
        ? new WorkOrderSearch(status, subcontractorId, "createdAt", false)
        : new WorkOrderSearch(
            status, subcontractorId, sort.getField(), sort.getOrder() == SortOrder.ASCENDING);
  }

  public List<UserAccount> getSubcontractors() {
    if (subcontractors == null) {
      subcontractors =
          currentUser.isAgencyMember() ? workOrders.engagedSubcontractors(currentUser.actor()) : List.of();
    }
    return subcontractors;
  }

  /** Whether the viewer has something to answer on this order. */
  public boolean awaitsMe(WorkOrder order) {
    return order.awaits(currentUser.isSubcontractor() ? Party.SUBCONTRACTOR : Party.AGENCY);
  }

  public WorkOrderStatus[] getStatuses() {
    return WorkOrderStatus.values();
  }

  public LazyDataModel<WorkOrder> getRows() {
    if (rows == null) {
      rows = newRows();
    }
    return rows;
  }

  private LazyDataModel<WorkOrder> newRows() {
    return new LazyDataModel<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public int count(Map<String, FilterMeta> filterBy) {
        return (int) workOrders.count(currentUser.actor(), search(Map.of()));
      }

      @Override
      public List<WorkOrder> load(
          int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return workOrders.search(currentUser.actor(), search(sortBy), first, pageSize);
      }

      @Override
      public String getRowKey(WorkOrder order) {
        return String.valueOf(order.getId());
      }
    };
  }

  public WorkOrderStatus getStatus() {
    return status;
  }

  public void setStatus(WorkOrderStatus status) {
    this.status = status;
  }

  public Long getSubcontractorId() {
    return subcontractorId;
  }

  public void setSubcontractorId(Long subcontractorId) {
    this.subcontractorId = subcontractorId;
  }
}
