package jp.ishibashi.account.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import jp.ishibashi.account.EmailVerifications;
import jp.ishibashi.account.SignInService;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/** The sign-in page and the sign-out button. */
@Named
@RequestScoped
public class SignIn {

  @Inject private SecurityContext security;
  @Inject private SignInOutcome outcome;
  @Inject private PortalClock clock;
  @Inject private EmailVerifications verifications;

  /** The session attribute holding an unverified account whose password was just proven. */
  static final String UNVERIFIED = SignIn.class.getName() + ".unverified";

  private String email;
  private boolean unverified;
  private String password;

  /** Signs in; on success the session id changes and the user goes on to where they were going. */
  public String signIn() {
    AuthenticationStatus status = authenticate(email, password);
    switch (status) {
      case SEND_CONTINUE -> {
        FacesContext.getCurrentInstance().responseComplete();
        return null;
      }
      case SUCCESS -> {
        return "/index?faces-redirect=true";
      }
      default -> {
        explainFailure();
        return null;
      }
    }
  }

  /**
   * Authenticates this request with an e-mail and password (also used right after sign-up and
   * when accepting an invitation); the session id changes on success, against session fixation.
   */
  AuthenticationStatus authenticate(String email, String password) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(
                    new UsernamePasswordCredential(
                        email == null ? "" : email, new Password(password == null ? "" : password)))
                .newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
      request.changeSessionId();
    }
    return status;
  }

  void explainFailure() {
    explain(outcome.get());
  }

  private void explain(SignInService.Outcome result) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (result instanceof SignInService.Outcome.Locked locked) {
      long minutes = Math.max(1, Duration.between(clock.now(), locked.until()).toMinutes() + 1);
      Pages.error(new DomainException("error.signIn.locked", minutes));
    } else if (result instanceof SignInService.Outcome.Busy busy) {
      long seconds = Math.max(1, Duration.between(clock.now(), busy.retryAt()).toSeconds() + 1);
      external.setResponseStatus(429);
      external.setResponseHeader("Retry-After", Long.toString(seconds));
      Pages.error(new DomainException("error.signIn.busy"));
    } else if (result instanceof SignInService.Outcome.Unverified pending) {
      // The password was right: this session may ask for a fresh link, and nothing else.
      external.getSessionMap().put(UNVERIFIED, pending.userId());
      unverified = true;
      Pages.error(new DomainException("error.signIn.unverified"));
    } else if (result instanceof SignInService.Outcome.NoAccess) {
      Pages.error(new DomainException("error.signIn.noAccess"));
    } else {
      Pages.error(new DomainException("error.signIn.rejected"));
    }
  }

  /** Sends a fresh verification link to the account whose password this session just proved. */
  public String resendVerification() {
    Object userId =
        FacesContext.getCurrentInstance().getExternalContext().getSessionMap().remove(UNVERIFIED);
    if (userId instanceof Long id) {
      verifications.resend(id);
    }
    Pages.info("signIn.resent");
    return null;
  }

  /** Whether the last attempt was refused for an unverified address, to offer a fresh link. */
  public boolean isUnverified() {
    return unverified;
  }

  /** Signs out: the session and everything in it are gone. */
  public String signOut() throws ServletException {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    request.logout();
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    return "/login?faces-redirect=true&signedOut=true";
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
