package jp.ishibashi.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.message.OrderMessage;
import jp.ishibashi.message.OrderMessages;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.workorder.WorkOrder;

/**
 * The message thread and the evidence section of a work order's page. The thread is loaded
 * once per view, and only when a panel renders; the evidence is taken from it, so both panels
 * cost one load together.
 */
@Named
@ViewScoped
public class MessagePanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private OrderMessages messages;
  @Inject private CurrentUser currentUser;

  private Long loadedFor;
  private transient List<OrderMessage> thread;
  private String body;

  /** The order's messages, oldest first. */
  public List<OrderMessage> thread(WorkOrder order) {
    if (thread == null || !Objects.equals(loadedFor, order.getId())) {
      thread = messages.thread(currentUser.actor(), order.getId());
      loadedFor = order.getId();
    }
    return thread;
  }

  /** The agency's instructions before funding among them. */
  public List<OrderMessage> evidence(WorkOrder order) {
    return thread(order).stream().filter(OrderMessage::isBeforeFunding).toList();
  }

  /** Posts the typed message, then shows the page afresh (so a reload does not post again). */
  public String post(long orderId) {
    try {
      messages.post(currentUser.actor(), orderId, body);
    } catch (DomainException e) {
      Pages.errorAt("messageForm", e);
      return null;
    }
    Pages.info("message.sent");
    return "/orders/work-order?faces-redirect=true&id=" + orderId;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
