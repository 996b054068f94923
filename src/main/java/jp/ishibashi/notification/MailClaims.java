package jp.ishibashi.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.tenant.Tenancy;

/**
 * What a {@link MailOutboxPoller} does with the database: find the due mails of every agency, claim
 * one, and record how its attempt went. Each step is a short transaction of its own; the mail is
 * sent between them, holding no transaction and no lock.
 *
 * <p>A claim is one conditional update that moves a PENDING, due mail's next attempt {@link #LEASE}
 * ahead: the database lets exactly one transaction, on any node, do that, and only that poller
 * sends it. Should that node die before recording the outcome, the mail falls due again when the
 * lease ends, and is sent again: at least once, and in practice once.
 */
@Stateless
public class MailClaims {

  /** How long a claimed mail is left to its poller before another may try it. */
  static final Duration LEASE = Duration.ofMinutes(10);

  @Inject private Tenancy tenancy;

  /**
   * Up to {@code max} pending mails due at {@code now}, in every agency, with ids above {@code
   * afterId}, by id.
   */
  public List<MailDue> due(Instant now, long afterId, int max) {
    return tenancy
        .global()
        .createQuery(
            "select m from DueMail m where m.state = :pending and m.nextAttemptAt <= :now"
                + " and m.id > :after order by m.id",
            DueMail.class)
        .setParameter("pending", MailOutbox.State.PENDING)
        .setParameter("now", now)
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultStream()
        .map(DueMail::toDue)
        .toList();
  }

  /**
   * Claims the mail for the caller, who is then the only one to send it; empty when it is no
   * longer pending and due (another poller claimed it, or it was sent or given up).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<MailOutbox> claim(MailDue due, Instant now) {
    EntityManager em = tenancy.em(due.tenantId());
    int claimed =
        em.createQuery(
                "update MailOutbox m set m.nextAttemptAt = :leaseEnd, m.version = m.version + 1"
                    + " where m.id = :id and m.state = :pending and m.nextAttemptAt <= :now")
            .setParameter("leaseEnd", now.plus(LEASE).truncatedTo(ChronoUnit.MICROS))
            .setParameter("id", due.mailId())
            .setParameter("pending", MailOutbox.State.PENDING)
            .setParameter("now", now)
            .executeUpdate();
    return claimed == 0 ? Optional.empty() : Optional.ofNullable(find(em, due.mailId()));
  }

  /** Records that the SMTP server took the claimed mail. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void sent(MailDue due) {
    EntityManager em = tenancy.em(due.tenantId());
    find(em, due.mailId()).sent();
  }

  /**
   * Records a failed attempt of the claimed mail at {@code now}; returns its new state: PENDING
   * with a later attempt, or FAILED after the last one.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public MailOutbox.State failed(MailDue due, Instant now, String error) {
    EntityManager em = tenancy.em(due.tenantId());
    MailOutbox mail = find(em, due.mailId());
    mail.failed(now, error);
    return mail.getState();
  }

  /** The mails of one notification of an agency, oldest first: for operators and tests. */
  public List<MailOutbox> ofNotification(long tenantId, long notificationId) {
    return tenancy
        .em(tenantId)
        .createQuery(
            "select m from MailOutbox m where m.notificationId = :n order by m.id",
            MailOutbox.class)
        .setParameter("n", notificationId)
        .getResultList();
  }

  private static MailOutbox find(EntityManager em, long id) {
    return em.createQuery("select m from MailOutbox m where m.id = :id", MailOutbox.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No mail " + id));
  }
}
