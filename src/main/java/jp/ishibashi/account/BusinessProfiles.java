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

  /**
   * Whether the subcontractor said it is an individual whose fees are subject to withholding tax
   * (源泉徴収の対象となる個人); only subcontractors have it.
   */
  public boolean withholdingApplies(Actor actor) {
    if (!actor.isSubcontractor()) {
      throw new NotFoundException();
    }
    return tenancy.global().find(UserAccount.class, actor.userId()).isWithholdingApplies();
  }

  /** The actor's own details; a subcontractor's withholding statement stays as it was. */
  public BusinessDetails update(Actor actor, String address, String registrationNumber) {
    return update(actor, address, registrationNumber, null);
  }

  /**
   * The actor's own details and, for a subcontractor, whether withholding applies to its fees,
   * saved together.
   *
   * @param withholdingApplies for subcontractors: true for an individual; null keeps it as it was.
   *     Agency admins have none to give.
   */
  public BusinessDetails update(
      Actor actor, String address, String registrationNumber, Boolean withholdingApplies) {
    BusinessDetails details = BusinessDetails.of(address, registrationNumber);
    tenancy.em(actor);
    if (actor.isAgencyAdmin() && withholdingApplies == null) {
      tenancy.global().find(Agency.class, actor.tenantId()).describe(details);
      audit.record(actor, "AGENCY_DETAILS_CHANGED", "Agency", actor.tenantId(), describe(details));
    } else if (actor.isSubcontractor()) {
      UserAccount account = tenancy.global().find(UserAccount.class, actor.userId());
      account.describe(details);
      if (withholdingApplies != null) {
        account.declareWithholding(withholdingApplies);
      }
      audit.record(
          actor,
          "PROFILE_CHANGED",
          "UserAccount",
          actor.userId(),
          describe(details)
              + "; withholding tax "
              + (account.isWithholdingApplies() ? "applies" : "does not apply"));
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
