package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RequestOrigin;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;

/**
 * A new agency signs up: the agency (a new tenant), its first AGENCY_ADMIN and the empty start of
 * its audit chain, in one step. The admin's address is verified by a link before it may sign in
 * ({@link EmailVerifications}).
 *
 * <p>The public sign-up ({@link #register}) answers the same whether or not the address already
 * has an account, so it cannot be used to find out who uses the portal: a known address creates
 * nothing and is told by mail that someone tried to sign up with it. One client address may sign
 * up only so often ({@link SignUpLimit}).
 */
@Stateless
public class AgencySignUp {

  @Inject private Tenancy tenancy;
  @Inject private AccountDirectory directory;
  @Inject private Passwords passwords;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private EmailVerifications verifications;
  @Inject private Event<AccountMailDue> mails;
  @Inject private SignUpLimit limit;
  @Inject private RequestOrigin origin;

  /** The form's fields. */
  public record Form(String agencyName, String displayName, String email, String password) {}

  /**
   * The sign-up page: checks the form, then either creates the agency with an unverified admin and
   * sends the verification link, or, when the address has an account, tells that address by mail
   * and creates nothing. The caller answers both the same way.
   */
  public void register(Form form) {
    Checked checked = check(form);
    Instant now = clock.now();
    Optional<Instant> refused = limit.refuse(origin.ip(), now);
    if (refused.isPresent()) {
      long minutes = Math.max(1, Duration.between(now, refused.get()).toMinutes() + 1);
      throw new DomainException("error.signUp.tooMany", minutes);
    }
    Optional<UserAccount> existing = directory.accountByEmail(checked.email().value());
    if (existing.isPresent()) {
      tellOwner(existing.get());
      return;
    }
    Created created = create(checked);
    verifications.issue(created.admin(), created.tenantId());
  }

  /**
   * Creates the agency and its admin, whose address is not verified yet; returns the admin. An
   * address that has an account is refused ({@code error.email.taken}): for the portal's own
   * callers (demo data, tests), never for a public form, which uses {@link #register}.
   */
  public UserAccount signUp(Form form) {
    Checked checked = check(form);
    Accounts.refuseTaken(directory, checked.email());
    return create(checked).admin();
  }

  private record Checked(String agencyName, String displayName, EmailAddress email, String hash) {}

  private record Created(UserAccount admin, long tenantId) {}

  /** The form's rules; the password is hashed here, for a known address too, to take as long. */
  private Checked check(Form form) {
    String agencyName =
        Texts.required(form.agencyName(), "agencyName", 200, "error.agencyName.required");
    String displayName =
        Texts.required(form.displayName(), "displayName", 100, "error.displayName.required");
    EmailAddress email = EmailAddress.of(form.email());
    String hash = passwords.hashNew(form.password());
    return new Checked(agencyName, displayName, email, hash);
  }

  private Created create(Checked checked) {
    Instant now = clock.now();
    EntityManager global = tenancy.global();
    Agency agency = new Agency(checked.agencyName(), now);
    global.persist(agency);
    UserAccount admin =
        new UserAccount(
            checked.email(), checked.displayName(), checked.hash(), UserAccount.Kind.AGENCY, now);
    global.persist(admin);
    global.flush();
    audit.startChain(agency.getId());
    tenancy.em(agency.getId()).persist(new Membership(admin, Role.AGENCY_ADMIN, now));
    return new Created(admin, agency.getId());
  }

  /**
   * Mails the owner of a known address that someone tried to sign up with it. The outbox keeps
   * mails per agency: an account with no agency (a subcontractor engaged by none) is not told.
   */
  private void tellOwner(UserAccount owner) {
    List<Workplace> workplaces = directory.workplacesOf(owner.getId());
    if (!workplaces.isEmpty()) {
      mails.fire(
          new AccountMailDue(
              AccountMailDue.Kind.SIGN_UP_ATTEMPTED,
              workplaces.get(0).tenantId(),
              owner.getEmail(),
              null,
              null));
    }
  }
}
