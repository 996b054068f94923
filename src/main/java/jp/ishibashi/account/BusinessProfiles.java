package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.shared.BusinessDetails;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Tenancy;

/**
 * The parties' business details that agreements name: the agency's (kept by its admins) and a
 * subcontractor's own. A change applies to agreements frozen afterwards; frozen ones keep what
 * they were frozen with.
 */
@Stateless
public class BusinessProfiles {

  @Inject private Tenancy tenancy;
  @Inject private AuditTrail audit;

  /** The actor's own details: its agency's for agency admins, its account's for subcontractors. */
  public BusinessDetails current(Actor actor) {
    if (actor.isAgencyAdmin()) {
      return tenancy.global().find(Agency.class, actor.tenantId()).getBusinessDetails();
    }
    if (actor.isSubcontractor()) {
      return tenancy.global().find(UserAccount.class, actor.userId()).getBusinessDetails();
    }
    throw new NotFoundException();
  }

  public BusinessDetails update(Actor actor, String address, String registrationNumber) {
    BusinessDetails details = BusinessDetails.of(address, registrationNumber);
    tenancy.em(actor);
    if (actor.isAgencyAdmin()) {
      tenancy.global().find(Agency.class, actor.tenantId()).describe(details);
      audit.record(actor, "AGENCY_DETAILS_CHANGED", "Agency", actor.tenantId(), describe(details));
    } else if (actor.isSubcontractor()) {
      tenancy.global().find(UserAccount.class, actor.userId()).describe(details);
      audit.record(actor, "PROFILE_CHANGED", "UserAccount", actor.userId(), describe(details));
    } else {
      throw new NotFoundException();
    }
    return details;
  }

  private static String describe(BusinessDetails details) {
    return "address "
        + (details.address() == null ? "-" : details.address())
        + "; registration number "
        + (details.registrationNumber() == null ? "-" : details.registrationNumber());
  }
}
