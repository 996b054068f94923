package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifying a new agency admin's address: a single-use link, valid {@code
 * portal.sign-up.verification-valid-hours} (48 by default), goes to the address through the mail
 * outbox; following it lets the account sign in. Until then {@link SignInService} refuses it, and
 * a sign-in with the right password may ask for a fresh link.
 */
@Stateless
public class EmailVerifications {

  @Inject private Tenancy tenancy;
  @Inject private AccountDirectory directory;
  @Inject private PortalClock clock;
  @Inject private Event<AccountMailDue> mails;

  @Inject
  @ConfigProperty(name = "portal.sign-up.verification-valid-hours", defaultValue = "48")
  private int validHours;

  /**
   * Sends a new link to an unverified account's address, voiding its earlier links; the mail is
   * queued in {@code tenantId}, the agency the account administers. Joins the caller's
   * transaction (sign-up), so the link exists exactly when the account does.
   */
  public void issue(UserAccount account, long tenantId) {
    Instant now = clock.now();
    EntityManager em = tenancy.global();
    open(em, account.getId()).forEach(v -> v.voidAt(now));
    InvitationToken token = InvitationToken.generate();
    EmailVerification verification =
        new EmailVerification(account.getId(), token, now, Duration.ofHours(validHours));
    em.persist(verification);
    mails.fire(
        new AccountMailDue(
            AccountMailDue.Kind.VERIFY_ADDRESS,
            tenantId,
            account.getEmail(),
            token.value(),
            verification.getExpiresAt()));
  }

  /**
   * Sends a fresh link to the account, if its address is still unverified and it administers an
   * agency. Only for a caller who proved the password (a refused sign-in of an unverified account).
   */
  public void resend(long userId) {
    UserAccount account = tenancy.global().find(UserAccount.class, userId);
    if (account == null || account.isEmailVerified()) {
      return;
    }
    List<Workplace> workplaces = directory.workplacesOf(userId);
    if (!workplaces.isEmpty()) {
      issue(account, workplaces.get(0).tenantId());
    }
  }

  /**
   * Follows a link: the account's address is verified, and the link is used up. An unknown,
   * used, voided or expired link is refused and verifies nothing.
   *
   * @return the account's address
   */
  public String verify(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new DomainException("error.verification.unknown");
    }
    EntityManager em = tenancy.global();
    EmailVerification verification =
        em.createQuery(
                "select v from EmailVerification v where v.tokenHash = :hash",
                EmailVerification.class)
            .setParameter("hash", new InvitationToken(token).hash())
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new DomainException("error.verification.unknown"));
    Instant now = clock.now();
    verification.use(now);
    UserAccount account = em.find(UserAccount.class, verification.getUserId());
    account.emailVerified(now);
    em.flush();
    return account.getEmail();
  }

  /**
   * Marks the address verified without a link: for accounts the portal itself creates (demo data)
   * and for tests, never for a request.
   */
  public void markVerified(long userId) {
    UserAccount account = tenancy.global().find(UserAccount.class, userId);
    account.emailVerified(clock.now());
  }

  private static List<EmailVerification> open(EntityManager em, long userId) {
    return em.createQuery(
            "select v from EmailVerification v where v.userId = :user and v.usedAt is null",
            EmailVerification.class)
        .setParameter("user", userId)
        .getResultList();
  }
}
