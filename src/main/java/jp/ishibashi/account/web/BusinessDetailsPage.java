package jp.ishibashi.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.ishibashi.account.BusinessProfiles;
import jp.ishibashi.shared.BusinessDetails;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/**
 * The address and invoice registration number printed in agreements: the agency's organisation
 * page for its admins, the profile page for subcontractors. A subcontractor also says there
 * whether it is an individual whose fees are subject to withholding tax.
 */
@Named
@ViewScoped
public class BusinessDetailsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BusinessProfiles profiles;
  @Inject private CurrentUser currentUser;

  private String address;
  private String registrationNumber;
  private boolean withholdingApplies;

  public void load() {
    try {
      BusinessDetails details = profiles.current(currentUser.actor());
      address = details.address();
      registrationNumber = details.registrationNumber();
      if (currentUser.isSubcontractor()) {
        withholdingApplies = profiles.withholdingApplies(currentUser.actor());
      }
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void save() {
    try {
      BusinessDetails saved =
          profiles.update(
              currentUser.actor(),
              address,
              registrationNumber,
              currentUser.isSubcontractor() ? withholdingApplies : null);
      address = saved.address();
      registrationNumber = saved.registrationNumber();
      Pages.info("details.saved");
    } catch (DomainException e) {
      Pages.errorAt("details", e);
    }
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getRegistrationNumber() {
    return registrationNumber;
  }

  public void setRegistrationNumber(String registrationNumber) {
    this.registrationNumber = registrationNumber;
  }

  public boolean isWithholdingApplies() {
    return withholdingApplies;
  }

  public void setWithholdingApplies(boolean withholdingApplies) {
    this.withholdingApplies = withholdingApplies;
  }
}
