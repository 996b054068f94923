package jp.ishibashi.account;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RequestOrigin;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a password for the identity store, and throttles guessing three ways before any hash is
 * computed: per client IP (across nodes) and by the number of hashes running at once on this node
 * ({@link SignInGate}), and per e-mail address ({@link SignInFailures}, in the database, across
 * nodes).
 *
 * <p>It runs outside a transaction, so that no database lock is held while a password is hashed;
 * each database step has a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInService {

  private static final Logger LOG = Logger.getLogger(SignInService.class.getName());

  /** The outcome of one attempt. */
  public sealed interface Outcome {
    /** The password is right; the groups are the roles the account holds now. */
    record Accepted(UserAccount account, Set<String> groups) implements Outcome {}

    /** Wrong e-mail or password; counted as a failure. */
    record Rejected() implements Outcome {}

    /** The account has no agency any more (a removed member). */
    record NoAccess() implements Outcome {}

    /** Too many failures for this address: refused without checking the password. */
    record Locked(Instant until) implements Outcome {}

    /**
     * Too many failures from this client address, or too many sign-ins at once: refused without
     * checking the password; try again at {@code retryAt}.
     */
    record Busy(Instant retryAt) implements Outcome {}

    /** The password is right, but the address was never verified: the account may not act yet. */
    record Unverified(long userId) implements Outcome {}
  }

  @Inject private AccountDirectory directory;
  @Inject private Passwords passwords;
  @Inject private PortalClock clock;
  @Inject private SignInGate gate;
  @Inject private SignInFailures failures;
  @Inject private RequestOrigin origin;

  @Inject
  @ConfigProperty(name = "portal.sign-in.max-failures")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "portal.sign-in.window-minutes")
  private int windowMinutes;

  public Outcome attempt(String rawEmail, String rawPassword) {
    String password = rawPassword == null ? "" : rawPassword;
    String ip = origin.ip();
    Instant now = clock.now();
    Optional<Instant> ipBlocked = gate.ipBlockedUntil(ip, now);
    if (ipBlocked.isPresent()) {
      return new Outcome.Busy(ipBlocked.get());
    }
    Optional<SignInLimits.HashPermit> permit = gate.tryHash();
    if (permit.isEmpty()) {
      return new Outcome.Busy(now.plus(SignInLimits.BUSY_RETRY));
    }
    try (SignInLimits.HashPermit hashing = permit.get()) {
      return attempt(rawEmail, password, ip, now);
    }
  }

  private Outcome attempt(String rawEmail, String password, String ip, Instant now) {
    String email;
    try {
      email = EmailAddress.of(rawEmail).value();
    } catch (DomainException malformed) {
      passwords.verifyDecoy(password);
      gate.failed(ip, now);
      return new Outcome.Rejected();
    }
    Optional<Instant> locked;
    try {
      locked = failures.reserve(email, now, throttle());
    } catch (EJBException | PersistenceException e) {
      // The address's lock row stayed busy past the database's lock time-out.
      LOG.log(Level.FINE, "Sign-in reservation failed; answered busy", e);
      return new Outcome.Busy(now.plus(SignInLimits.BUSY_RETRY));
    }
    if (locked.isPresent()) {
      return new Outcome.Locked(locked.get());
    }
    Optional<UserAccount> account = directory.accountByEmail(email);
    boolean matches =
        account.isPresent()
            ? passwords.matches(password, account.get().getPasswordHash())
            : verifyDecoy(password);
    if (!matches) {
      gate.failed(ip, now);
      return new Outcome.Rejected();
    }
    failures.clear(email);
    UserAccount user = account.get();
    if (!user.isEmailVerified()) {
      return new Outcome.Unverified(user.getId());
    }
    List<Workplace> workplaces = directory.workplacesOf(user.getId());
    if (!user.isSubcontractor() && workplaces.isEmpty()) {
      return new Outcome.NoAccess();
    }
    Set<String> groups =
        user.isSubcontractor()
            ? Set.of(Role.SUBCONTRACTOR.name())
            : Set.of(workplaces.get(0).role().name());
    return new Outcome.Accepted(user, groups);
  }

  private boolean verifyDecoy(String password) {
    passwords.verifyDecoy(password);
    return false;
  }

  private SignInThrottle throttle() {
    return new SignInThrottle(maxFailures, Duration.ofMinutes(windowMinutes));
  }
}
