package jp.ishibashi.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;

/**
 * Each user's inbox, in each agency: the services of the work order's life tell the other side
 * what happened, and the user reads it on the inbox page and, when mail is enabled, by e-mail.
 *
 * <p>Call {@link #notify} as the last step of a use case, inside its transaction (the bean joins
 * it): the notification, and its queued mail, then commit exactly when the action does. It never
 * sends mail itself and never fails because of mail; the {@link MailOutboxPoller} sends later. The
 * caller decides who is concerned (the order's counterparty, say) and passes the texts' arguments,
 * {@code {0}} the order number and {@code {1}} its title, then what the kind names (see {@link
 * NotificationKind}):
 *
 * <pre>
 * &#64;Inject Notifications notifications;
 * ...
 * order.send(...);
 * audit.record(actor, "WORK_ORDER_SENT", "WorkOrder", order.getId(), ...);
 * notifications.notify(actor, order.getSubcontractor().getId(), NotificationKind.ORDER_SENT,
 *     order.getId(), order.getNumber(), order.getTitle());
 * </pre>
 *
 * A deadline's observer (deemed acceptance) has no signed-in actor: it builds one for the agency
 * from the deadline's tenant, as it does for its audit event.
 */
@Stateless
public class Notifications {

  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  /** The longest page {@link #inbox} returns. */
  public static final int MAX_PAGE = 100;

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private MailSettings mail;

  /**
   * Tells a user, in the actor's agency, that something happened, in the caller's transaction;
   * when mail is enabled, also queues its e-mail there.
   *
   * @param recipientUserId the account to tell, a member or engaged subcontractor of the agency
   * @param workOrderId the order it is about, or null
   * @param args the text's arguments: order number, order title, then as the kind says
   */
  public void notify(
      Actor actor, long recipientUserId, NotificationKind kind, Long workOrderId, String... args) {
    EntityManager em = tenancy.em(actor);
    UserAccount recipient = em.find(UserAccount.class, recipientUserId);
    if (recipient == null) {
      throw new IllegalArgumentException("No account " + recipientUserId);
    }
    Notification notification =
        new Notification(recipientUserId, kind, workOrderId, args, clock.now());
    em.persist(notification);
    em.flush();
    if (mail.enabled()) {
      queueMail(em, notification, recipient.getEmail());
    }
  }

  /** One page of the actor's own notifications in its agency, newest first. */
  public List<Notification> inbox(Actor actor, int first, int max) {
    return tenancy
        .em(actor)
        .createQuery(
            "select n from Notification n where n.recipientId = :me"
                + " order by n.createdAt desc, n.id desc",
            Notification.class)
        .setParameter("me", actor.userId())
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
        .getResultList();
  }

  /** How many notifications the actor has in its agency. */
  public long count(Actor actor) {
    return tenancy
        .em(actor)
        .createQuery(
            "select count(n) from Notification n where n.recipientId = :me", Long.class)
        .setParameter("me", actor.userId())
        .getSingleResult();
  }

  /** How many of them are unread. */
  public long unread(Actor actor) {
    return tenancy
        .em(actor)
        .createQuery(
            "select count(n) from Notification n where n.recipientId = :me and n.readAt is null",
            Long.class)
        .setParameter("me", actor.userId())
        .getSingleResult();
  }

  /**
   * Marks one of the actor's notifications read; reading it again changes nothing.
   *
   * @throws NotFoundException when it is missing or someone else's
   */
  public void markRead(Actor actor, long notificationId) {
    List<Notification> own =
        tenancy
            .em(actor)
            .createQuery(
                "select n from Notification n where n.id = :id and n.recipientId = :me",
                Notification.class)
            .setParameter("id", notificationId)
            .setParameter("me", actor.userId())
            .getResultList();
    if (own.isEmpty()) {
      throw new NotFoundException();
    }
    own.get(0).read(clock.now());
  }

  /** Marks every unread notification of the actor in its agency read. */
  public void markAllRead(Actor actor) {
    tenancy
        .em(actor)
        .createQuery(
            "update Notification n set n.readAt = :now"
                + " where n.recipientId = :me and n.readAt is null")
        .setParameter("now", clock.now())
        .setParameter("me", actor.userId())
        .executeUpdate();
  }

  /** Writes the mail row; a text that cannot be made is logged and costs only the mail. */
  private void queueMail(EntityManager em, Notification notification, String address) {
    MailText text;
    try {
      String link =
          notification.getWorkOrderId() == null
              ? null
              : mail.workOrderLink(notification.getWorkOrderId());
      text = NotificationTexts.mail(notification.getKind(), notification.getArgs(), link);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "No mail for notification " + notification.getId());
      return;
    }
    em.persist(new MailOutbox(notification.getId(), address, text, clock.now()));
  }
}
