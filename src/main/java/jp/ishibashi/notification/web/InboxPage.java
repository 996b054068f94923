package jp.ishibashi.notification.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.notification.Notification;
import jp.ishibashi.notification.NotificationTexts;
import jp.ishibashi.notification.Notifications;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The inbox page (both sides): the user's notifications in the agency it acts in, newest first, a
 * page at a time; opening one marks it read and goes to its work order.
 */
@Named
@ViewScoped
public class InboxPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Notifications notifications;
  @Inject private CurrentUser currentUser;

  /** The table's rows; transient (a page of entities), made again after a move to another node. */
  private transient LazyDataModel<Notification> rows;

  /** Marks the notification read and opens its work order. */
  public String open(Notification notification) {
    try {
      notifications.markRead(currentUser.actor(), notification.getId());
    } catch (DomainException e) {
      Pages.refused(e);
      return null;
    }
    return notification.getWorkOrderId() == null
        ? null
        : "/orders/work-order?faces-redirect=true&id=" + notification.getWorkOrderId();
  }

  public void markAllRead() {
    try {
      notifications.markAllRead(currentUser.actor());
      Pages.info("inbox.allRead");
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  /** The notification's text in the page's language. */
  public String text(Notification notification) {
    return NotificationTexts.text(
        notification.getKind(),
        notification.getArgs(),
        FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /** A subcontractor no agency engages has no inbox: it sees the empty one. */
  private boolean mayAct() {
    return currentUser.workplace().isPresent();
  }

  public LazyDataModel<Notification> getRows() {
    if (rows == null) {
      rows = newRows();
    }
    return rows;
  }

  private LazyDataModel<Notification> newRows() {
    return new LazyDataModel<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public int count(Map<String, FilterMeta> filterBy) {
        return mayAct() ? (int) notifications.count(currentUser.actor()) : 0;
      }

      @Override
      public List<Notification> load(
          int first,
          int pageSize,
          Map<String, SortMeta> sortBy,
          Map<String, FilterMeta> filterBy) {
        return mayAct() ? notifications.inbox(currentUser.actor(), first, pageSize) : List.of();
      }

      @Override
      public String getRowKey(Notification notification) {
        return String.valueOf(notification.getId());
      }
    };
  }
}
