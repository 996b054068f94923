package jp.ishibashi.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.ishibashi.account.web.CurrentUser;

/** The portal's front door: sends each user to their dashboard, or to sign in. */
@Named
@RequestScoped
public class Home {

  @Inject private CurrentUser currentUser;

  /** The outcome for {@code index.xhtml}'s view action. */
  public String route() {
    if (!currentUser.isSignedIn()) {
      return "/login?faces-redirect=true";
    }
    return currentUser.isSubcontractor()
        ? "/sub/dashboard?faces-redirect=true"
        : "/agency/dashboard?faces-redirect=true";
  }
}
