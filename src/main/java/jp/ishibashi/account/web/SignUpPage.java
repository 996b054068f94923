package jp.ishibashi.account.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.EmailAddress;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/**
 * Agency sign-up: a new agency and its first admin, who confirms the address by the mailed link
 * before signing in. The page answers the same whether or not the address already has an account.
 */
@Named
@RequestScoped
public class SignUpPage {

  @Inject private AgencySignUp signUp;
  @Inject private AccountDirectory directory;

  private String agencyName;
  private String displayName;
  private String email;
  private String password;
  private boolean sent;

  public String signUp() {
    try {
      signUp.register(new AgencySignUp.Form(agencyName, displayName, email, password));
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    } catch (EJBException e) {
      // The same address signed up at the same moment and won: answer as for a known address.
      if (!isTaken()) {
        throw e;
      }
    }
    sent = true;
    Pages.info("signUp.done");
    return null;
  }

  private boolean isTaken() {
    try {
      return directory.accountByEmail(EmailAddress.of(email).value()).isPresent();
    } catch (DomainException malformed) {
      return false;
    }
  }

  /** Whether the form was accepted: the page then shows only the message. */
  public boolean isSent() {
    return sent;
  }

  public String getAgencyName() {
    return agencyName;
  }

  public void setAgencyName(String agencyName) {
    this.agencyName = agencyName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
