package jp.ishibashi.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.ishibashi.account.Invitation;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;
import jp.ishibashi.web.PublicLinks;

/** One invitation of the admin's agency ({@code agency/admin/invitation.xhtml?id=…}); others are 404. */
@Named
@ViewScoped
public class InvitationDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Invitations invitations;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;
  @Inject private PublicLinks links;

  private String idParam;
  private long id;
  private transient Invitation invitation;
  private String issuedLink;

  public void load() {
    try {
      id = Long.parseLong(idParam);
    } catch (NumberFormatException e) {
      Pages.notFound();
      return;
    }
    try {
      invitation = invitations.find(currentUser.actor(), id);
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void reissue() {
    try {
      issuedLink =
          InvitationsPage.linkFor(
              links, invitations.reissue(currentUser.actor(), id).token().value());
      invitation = invitations.find(currentUser.actor(), id);
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void revoke() {
    try {
      invitations.revoke(currentUser.actor(), id);
      invitation = invitations.find(currentUser.actor(), id);
      Pages.info("invitations.revoked");
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public Invitation.Status getStatus() {
    return getInvitation().status(clock.now());
  }

  public Invitation getInvitation() {
    if (invitation == null && id != 0) { // a view restored on another node
      try {
        invitation = invitations.find(currentUser.actor(), id);
      } catch (DomainException e) {
        Pages.refused(e);
      }
    }
    return invitation;
  }

  public String getIssuedLink() {
    return issuedLink;
  }

  public String getId() {
    return idParam;
  }

  public void setId(String id) {
    this.idParam = id;
  }
}
