package jp.ishibashi.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import java.io.Serializable;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.EmailAddress;
import jp.ishibashi.account.Invitation;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/**
 * Where an invitation link leads: the invitee creates an account, or signs in to link an existing
 * subcontractor account. An unknown token is a 404; a used, revoked or expired one says so.
 */
@Named
@ViewScoped
public class InvitationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Invitations invitations;
  @Inject private AccountDirectory directory;
  @Inject private CurrentUser currentUser;
  @Inject private SignIn signIn;

  private String token;
  private Invitations.Offer offer;
  private String displayName;
  private String password;
  private String existingEmail;
  private String existingPassword;

  /** View action: shows the offer, or 404. */
  public void load() {
    try {
      offer = invitations.offer(token);
      existingEmail = offer.email();
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public boolean isOpen() {
    return offer != null && offer.status() == Invitation.Status.PENDING;
  }

  /** Whether the user is signed in as a subcontractor who can accept with one click. */
  public boolean isSignedInSubcontractor() {
    return currentUser.isSubcontractor();
  }

  public String acceptWithNewAccount() {
    try {
      invitations.acceptWithNewAccount(token, displayName, password);
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    }
    Pages.info("invitation.accepted", offer.agencyName());
    signIn.authenticate(offer.email(), password);
    return "/index?faces-redirect=true";
  }

  /** Whether the signed-in account has the invited address, and so may accept this invitation. */
  public boolean isSignedInAsInvitee() {
    return offer != null
        && currentUser.isSignedIn()
        && offer.email().equals(currentUser.account().getEmail());
  }

  /** Why a signed-in account with another address cannot accept. */
  public String getOtherAddressNote() {
    return offer == null ? "" : Pages.text("error.invitation.otherAddress", offer.email());
  }

  public String acceptWithSignIn() {
    String invited = offer == null ? null : offer.email();
    try {
      if (invited == null || !invited.equals(EmailAddress.of(existingEmail).value())) {
        throw new DomainException("error.invitation.otherAddress", invited);
      }
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    }
    if (signIn.authenticate(existingEmail, existingPassword) != AuthenticationStatus.SUCCESS) {
      signIn.explainFailure();
      return null;
    }
    UserAccount account =
        directory.accountByEmail(EmailAddress.of(existingEmail).value()).orElseThrow();
    return acceptFor(account.getId());
  }

  public String acceptAsSignedIn() {
    return acceptFor(currentUser.account().getId());
  }

  private String acceptFor(long userId) {
    try {
      invitations.acceptWithExistingAccount(token, userId);
    } catch (DomainException e) {
      Pages.error(e);
      return null;
    }
    Pages.info("invitation.accepted", offer.agencyName());
    return "/index?faces-redirect=true";
  }

  public Invitations.Offer getOffer() {
    return offer;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getExistingEmail() {
    return existingEmail;
  }

  public void setExistingEmail(String existingEmail) {
    this.existingEmail = existingEmail;
  }

  public String getExistingPassword() {
    return existingPassword;
  }

  public void setExistingPassword(String existingPassword) {
    this.existingPassword = existingPassword;
  }
}
