package jp.ishibashi.account.web;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.ishibashi.account.EmailVerifications;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/**
 * Where the verification link leads. Opening it changes nothing (mail scanners open links); the
 * button uses the link up and verifies the address.
 */
@Named
@RequestScoped
public class VerifyEmailPage {

  @Inject private EmailVerifications verifications;

  private String token;
  private boolean verified;

  public String verify() {
    try {
      verifications.verify(token);
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    } catch (EJBException e) {
      // The same link was used at the same moment by another request, which won.
      Pages.error(new DomainException("error.verification.used"));
      return null;
    }
    verified = true;
    Pages.info("verifyEmail.done");
    return null;
  }

  public boolean isVerified() {
    return verified;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
