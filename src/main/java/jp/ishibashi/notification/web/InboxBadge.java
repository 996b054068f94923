package jp.ishibashi.notification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.notification.Notifications;

/** The header's inbox link and its count of unread notifications; one query per page view. */
@Named
@RequestScoped
public class InboxBadge {

  @Inject private Notifications notifications;
  @Inject private CurrentUser currentUser;

  private Long unread;

  /** Shown to every signed-in user who acts in an agency. */
  public boolean isShown() {
    return currentUser.isSignedIn() && currentUser.workplace().isPresent();
  }

  public long getUnread() {
    if (unread == null) {
      unread = isShown() ? notifications.unread(currentUser.actor()) : 0L;
    }
    return unread;
  }
}
