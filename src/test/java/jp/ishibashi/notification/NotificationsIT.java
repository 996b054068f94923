package jp.ishibashi.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.ishibashi.Deployments;
import jp.ishibashi.Race;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications inside Payara Micro on the configured database: each inbox is its owner's alone,
 * mails are queued only when mail is enabled, a mail that cannot be sent (no SMTP server listens on
 * 127.0.0.1:1) is retried with backoff and given up without touching its notification, and a mail
 * is claimed once. The clock is moved and the poller called directly, never slept on; mail is
 * switched on only while notifying, so the poller's own timer stays out of the way.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

  private static final String CLOSED_HOST = "127.0.0.1";
  private static final int CLOSED_PORT = 1;

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject Notifications notifications;
  @Inject MailClaims claims;
  @Inject MailOutboxPoller poller;
  @Inject MailSettings settings;
  @Inject PortalClock clock;

  /** Every test of a run shares one portal, so the clock goes back to the real time. */
  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }
  @Inject TestAgencies agencies;
  @Inject WorkOrders workOrders;

  @AfterEach
  void configuredMailAgain() {
    settings.reset();
  }

  @Test
  void aNotificationIsItsRecipientsAloneAndQueuesNoMailWhileMailIsOff() {
    Actor owner = agencies.newAgency("株式会社通知");
    Actor other = agencies.newAgency("株式会社他社通知");
    assertFalse(settings.enabled(), "off by default");

    notifications.notify(owner, owner.userId(), NotificationKind.ORDER_SENT, null, "IW-1", "件名");
    notifications.notify(owner, owner.userId(), NotificationKind.FUNDED, null, "IW-2", "次");

    List<Notification> inbox = notifications.inbox(owner, 0, 10);
    assertEquals(2, inbox.size());
    assertEquals(NotificationKind.FUNDED, inbox.get(0).getKind(), "newest first");
    assertEquals(List.of("IW-2", "次"), List.of(inbox.get(0).getArgs()));
    assertEquals(2, notifications.unread(owner));
    long id = inbox.get(1).getId();
    assertEquals(List.of(), claims.ofNotification(owner.tenantId(), id), "no mail while off");

    Actor colleague = new Actor(other.userId(), owner.tenantId(), Role.AGENCY_STAFF);
    Actor elsewhere = new Actor(owner.userId(), other.tenantId(), Role.AGENCY_ADMIN);
    for (Actor stranger : List.of(other, colleague, elsewhere)) {
      assertEquals(List.of(), notifications.inbox(stranger, 0, 10));
      assertEquals(0, notifications.unread(stranger));
      assertThrows(NotFoundException.class, () -> notifications.markRead(stranger, id));
      notifications.markAllRead(stranger);
    }
    assertEquals(2, notifications.unread(owner), "strangers marked nothing read");
    assertThrows(NotFoundException.class, () -> notifications.markRead(owner, id + 1_000_000));

    notifications.markRead(owner, id);
    notifications.markRead(owner, id);
    assertEquals(1, notifications.unread(owner));
    assertFalse(notifications.inbox(owner, 0, 10).get(1).isUnread());
    notifications.markAllRead(owner);
    assertEquals(0, notifications.unread(owner));
    assertEquals(1, notifications.inbox(owner, 1, 10).size(), "paged");
  }

  @Test
  void aMailThatCannotBeSentIsRetriedWithBackoffThenGivenUp() {
    Actor agency = agencies.newAgency("株式会社送信失敗");
    long order = order(agency);
    long id = notifyWithMail(agency, NotificationKind.DELIVERED, order);

    MailOutbox queued = mail(agency, id);
    assertEquals(MailOutbox.State.PENDING, queued.getState());
    assertEquals(0, queued.getAttempts());
    assertTrue(queued.getRecipient().endsWith("@example.test"), queued.getRecipient());
    assertTrue(queued.getSubject().contains("IW-9"), queued.getSubject());
    assertTrue(queued.getBody().contains("orders/work-order.xhtml?id=" + order), queued.getBody());
    assertTrue(queued.getBody().indexOf("納品") < queued.getBody().indexOf("delivered"));

    for (int attempt = 1; attempt <= MailBackoff.MAX_ATTEMPTS; attempt++) {
      poller.pollOnce();
      Instant failedAt = clock.now();
      MailOutbox mail = mail(agency, id);
      assertEquals(attempt, mail.getAttempts(), "attempts");
      assertNotNull(mail.getLastError());
      if (attempt < MailBackoff.MAX_ATTEMPTS) {
        assertEquals(MailOutbox.State.PENDING, mail.getState());
        Duration delay = MailBackoff.DELAYS.get(attempt - 1);
        assertFalse(mail.getNextAttemptAt().isAfter(failedAt.plus(delay)));
        assertTrue(mail.getNextAttemptAt().isAfter(failedAt.plus(delay).minusSeconds(5)));
        clock.advance(delay.minusSeconds(10));
        poller.pollOnce();
        assertEquals(attempt, mail(agency, id).getAttempts(), "not before its backoff");
        clock.advance(Duration.ofSeconds(11));
      } else {
        assertEquals(MailOutbox.State.FAILED, mail.getState());
      }
    }
    clock.advance(Duration.ofDays(1));
    poller.pollOnce();
    assertEquals(MailBackoff.MAX_ATTEMPTS, mail(agency, id).getAttempts(), "given up");

    List<Notification> inbox = notifications.inbox(agency, 0, 10);
    assertEquals(1, inbox.size(), "the notification stays");
    assertEquals(id, inbox.get(0).getId());
    assertTrue(inbox.get(0).isUnread());
  }

  @Test
  void twoClaimsOfOneMailSendItOnce() {
    Actor agency = agencies.newAgency("株式会社二重送信");
    long id = notifyWithMail(agency, NotificationKind.CHANGE_PRICED, null);
    long mailId = mail(agency, id).getId();
    Instant now = clock.now();
    MailDue due = new MailDue(mailId, agency.tenantId());

    List<Race.Outcome<Boolean>> claimed = Race.run(2, () -> claims.claim(due, now).isPresent());

    assertTrue(claimed.stream().allMatch(Race.Outcome::succeeded), claimed::toString);
    assertEquals(1, claimed.stream().filter(Race.Outcome::value).count(), claimed::toString);
    assertFalse(claims.claim(due, now).isPresent(), "claimed already");
    poller.pollOnce();
    assertEquals(0, mail(agency, id).getAttempts(), "no poller sends a claimed mail");

    clock.advance(MailClaims.LEASE.plusSeconds(1));
    poller.pollOnce();
    assertEquals(1, mail(agency, id).getAttempts(), "a claim never reported is tried again");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Notifies the agency's admin with mail on and pointed at a closed port; mail is off after. */
  private long notifyWithMail(Actor agency, NotificationKind kind, Long workOrderId) {
    settings.override(true, CLOSED_HOST, CLOSED_PORT);
    try {
      notifications.notify(agency, agency.userId(), kind, workOrderId, "IW-9", "ロゴ", "1");
    } finally {
      settings.override(false, CLOSED_HOST, CLOSED_PORT);
    }
    return notifications.inbox(agency, 0, 1).get(0).getId();
  }

  private long order(Actor agency) {
    Terms terms =
        new Terms("通知の発注", null, null, "ja", "JPY", null, null, null, null, 7, null, null);
    return workOrders.create(agency, terms).getId();
  }

  private MailOutbox mail(Actor agency, long notificationId) {
    List<MailOutbox> mails = claims.ofNotification(agency.tenantId(), notificationId);
    assertEquals(1, mails.size(), "one mail per notification");
    return mails.get(0);
  }
}
