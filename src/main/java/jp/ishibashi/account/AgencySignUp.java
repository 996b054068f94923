package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;

/**
 * A new agency signs up: the agency (a new tenant), its first AGENCY_ADMIN and the empty start of
 * its audit chain, in one step.
 */
@Stateless
public class AgencySignUp {

  @Inject private Tenancy tenancy;
  @Inject private AccountDirectory directory;
  @Inject private Passwords passwords;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;

  /** The form's fields. */
  public record Form(String agencyName, String displayName, String email, String password) {}

  /** Creates the agency and its admin; returns the admin's account. */
  public UserAccount signUp(Form form) {
    String agencyName = Texts.required(form.agencyName(), "agencyName", 200, "error.agencyName.required");
    String displayName = Texts.required(form.displayName(), "displayName", 100, "error.displayName.required");
    EmailAddress email = EmailAddress.of(form.email());
    String hash = passwords.hashNew(form.password());
    Accounts.refuseTaken(directory, email);

    Instant now = clock.now();
    EntityManager global = tenancy.global();
    Agency agency = new Agency(agencyName, now);
    global.persist(agency);
    UserAccount admin = new UserAccount(email, displayName, hash, UserAccount.Kind.AGENCY, now);
    global.persist(admin);
    global.flush();
    audit.startChain(agency.getId());
    tenancy.em(agency.getId()).persist(new Membership(admin, Role.AGENCY_ADMIN, now));
    return admin;
  }
}
