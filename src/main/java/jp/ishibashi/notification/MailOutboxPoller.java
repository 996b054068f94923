package jp.ishibashi.notification;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.ishibashi.platform.PortalClock;

/**
 * Sends the queued notification mails, on every portal node, every 30 seconds while mail is
 * enabled. The timer is not persistent: the mails are rows, so nothing is lost in a restart, and
 * several nodes polling the same rows send each mail once (see {@link MailClaims}).
 *
 * <p>A failed send is logged, with the server's error and never the password, and tried again
 * later ({@link MailBackoff}); the other mails are not held up by it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailOutboxPoller {

  private static final Logger LOG = Logger.getLogger(MailOutboxPoller.class.getName());

  /** How many due mails one query fetches; a poll pages through all of them. */
  static final int PAGE = 100;

  @Inject private MailClaims claims;
  @Inject private MailSender sender;
  @Inject private MailSettings settings;
  @Inject private PortalClock clock;

  private final AtomicBoolean polling = new AtomicBoolean();

  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
  void onSchedule() {
    if (!settings.enabled() || !polling.compareAndSet(false, true)) {
      return; // mail is off, or the previous poll of this node still runs
    }
    try {
      pollOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Polling the mail outbox failed; trying again at the next poll", e);
    } finally {
      polling.set(false);
    }
  }

  /**
   * Claims and sends every mail due now by the portal's clock. Safe to call from several threads
   * and nodes at once; tests call it after moving the clock.
   *
   * @return how many mails this call attempted, sent or not
   */
  public int pollOnce() {
    int attempted = 0;
    long after = 0;
    List<MailDue> page;
    do {
      page = claims.due(clock.now(), after, PAGE);
      for (MailDue due : page) {
        after = due.mailId();
        if (attempt(due)) {
          attempted++;
        }
      }
    } while (page.size() == PAGE);
    return attempted;
  }

  private boolean attempt(MailDue due) {
    Optional<MailOutbox> claimed;
    try {
      claimed = claims.claim(due, clock.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Could not claim mail " + due.mailId());
      return false;
    }
    if (claimed.isEmpty()) {
      return false;
    }
    MailOutbox mail = claimed.get();
    try {
      sender.send(mail.getRecipient(), new MailText(mail.getSubject(), mail.getBody()));
    } catch (MessagingException | RuntimeException e) {
      recordFailure(due, e.getClass().getSimpleName() + ": " + e.getMessage());
      return true;
    }
    try {
      claims.sent(due);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Mail " + due.mailId() + " was sent but not marked SENT");
    }
    return true;
  }

  private void recordFailure(MailDue due, String error) {
    try {
      MailOutbox.State state = claims.failed(due, clock.now(), error);
      LOG.warning(
          () ->
              "Mail "
                  + due.mailId()
                  + (state == MailOutbox.State.FAILED
                      ? " failed for the last time and is given up: "
                      : " failed and will be tried again: ")
                  + error);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Mail " + due.mailId() + " failed (" + error + ")");
    }
  }
}
