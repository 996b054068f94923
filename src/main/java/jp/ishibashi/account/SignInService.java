package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks a password for the identity store, and throttles repeated failures. */
@Stateless
public class SignInService {

  /** The outcome of one attempt. */
  public sealed interface Outcome {
    /** The password is right; the groups are the roles the account holds now. */
    record Accepted(UserAccount account, Set<String> groups) implements Outcome {}

    /** Wrong e-mail or password; counted as a failure. */
    record Rejected() implements Outcome {}

    /** The account has no agency any more (a removed member). */
    record NoAccess() implements Outcome {}

    /** Too many failures: refused without checking the password. */
    record Locked(Instant until) implements Outcome {}
  }

  @Inject private Tenancy tenancy;
  @Inject private AccountDirectory directory;
  @Inject private Passwords passwords;
  @Inject private PortalClock clock;

  @Inject
  @ConfigProperty(name = "portal.sign-in.max-failures")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "portal.sign-in.window-minutes")
  private int windowMinutes;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome attempt(String rawEmail, String rawPassword) {
    String password = rawPassword == null ? "" : rawPassword;
    String email;
    try {
      email = EmailAddress.of(rawEmail).value();
    } catch (DomainException malformed) {
      passwords.verifyDecoy(password);
      return new Outcome.Rejected();
    }
    Instant now = clock.now();
    Optional<Instant> locked = lockedUntil(email, now);
    if (locked.isPresent()) {
      return new Outcome.Locked(locked.get());
    }
    Optional<UserAccount> account = directory.accountByEmail(email);
    boolean matches =
        account.isPresent()
            ? passwords.matches(password, account.get().getPasswordHash())
            : verifyDecoy(password);
    if (!matches) {
      tenancy.global().persist(new SignInFailure(email, now));
      return new Outcome.Rejected();
    }
    clearFailures(email);
    List<Workplace> workplaces = directory.workplacesOf(account.get().getId());
    if (!account.get().isSubcontractor() && workplaces.isEmpty()) {
      return new Outcome.NoAccess();
    }
    Set<String> groups =
        account.get().isSubcontractor()
            ? Set.of(jp.ishibashi.tenant.Role.SUBCONTRACTOR.name())
            : Set.of(workplaces.get(0).role().name());
    return new Outcome.Accepted(account.get(), groups);
  }

  private boolean verifyDecoy(String password) {
    passwords.verifyDecoy(password);
    return false;
  }

  private Optional<Instant> lockedUntil(String email, Instant now) {
    SignInThrottle throttle = new SignInThrottle(maxFailures, Duration.ofMinutes(windowMinutes));
    List<Instant> recent =
        tenancy
            .global()
            .createQuery(
                "select f.failedAt from SignInFailure f"
                    + " where f.email = :email and f.failedAt > :since order by f.failedAt desc",
                Instant.class)
            .setParameter("email", email)
            .setParameter("since", throttle.windowStart(now))
            .setMaxResults(maxFailures)
            .getResultList();
    return throttle.lockedUntil(recent, now);
  }

  private void clearFailures(String email) {
    tenancy
        .global()
        .createQuery("delete from SignInFailure f where f.email = :email")
        .setParameter("email", email)
        .executeUpdate();
  }
}
