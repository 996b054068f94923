package jp.ishibashi.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/** The subcontractor's agency switcher in the page header: one agency at a time. */
@Named
@RequestScoped
public class AgencySwitcher {

  @Inject private CurrentUser currentUser;

  private Long selected;

  public Long getSelected() {
    if (selected == null) {
      currentUser.workplace().ifPresent(w -> selected = w.tenantId());
    }
    return selected;
  }

  public void setSelected(Long selected) {
    this.selected = selected;
  }

  /** Works in the chosen agency from now on; only the subcontractor's own agencies are accepted. */
  public String switchAgency() {
    try {
      if (selected != null) {
        currentUser.switchTo(selected);
      }
    } catch (DomainException e) {
      Pages.refused(e);
      return null;
    }
    return "/sub/dashboard?faces-redirect=true";
  }
}
