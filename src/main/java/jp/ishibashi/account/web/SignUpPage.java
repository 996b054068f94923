package jp.ishibashi.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/** Agency sign-up: a new agency and its first admin. */
@Named
@RequestScoped
public class SignUpPage {

  @Inject private AgencySignUp signUp;
  @Inject private SignIn signIn;

  private String agencyName;
  private String displayName;
  private String email;
  private String password;

  public String signUp() {
    try {
      signUp.signUp(new AgencySignUp.Form(agencyName, displayName, email, password));
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    }
    Pages.info("signUp.done");
    if (signIn.authenticate(email, password) != AuthenticationStatus.SUCCESS) {
      return "/login?faces-redirect=true";
    }
    return "/agency/dashboard?faces-redirect=true";
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
