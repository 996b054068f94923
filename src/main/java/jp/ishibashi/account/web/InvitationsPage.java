package jp.ishibashi.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import jp.ishibashi.account.Invitation;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.web.Pages;
import jp.ishibashi.web.PublicLinks;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The admin's invitations page: invite staff or a subcontractor, copy the link (shown once), and
 * follow each invitation's status; revoke one, or issue a fresh link.
 */
@Named
@ViewScoped
public class InvitationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Invitations invitations;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;
  @Inject private PublicLinks links;

  private String email;
  private Role role = Role.SUBCONTRACTOR;
  private String issuedLink;
  private String issuedEmail;

  /** The table's rows; transient (a page of entities), made again after a move to another node. */
  private transient LazyDataModel<Invitation> rows;

  public void invite() {
    try {
      Invitations.Issued issued = invitations.invite(currentUser.actor(), email, role);
      showLink(issued, email.strip());
      email = null;
    } catch (DomainException e) {
      Pages.error("invite:email", e);
    }
  }

  public void reissue(long invitationId) {
    try {
      Invitation invitation = invitations.find(currentUser.actor(), invitationId);
      showLink(invitations.reissue(currentUser.actor(), invitationId), invitation.getEmail());
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void revoke(long invitationId) {
    try {
      invitations.revoke(currentUser.actor(), invitationId);
      Pages.info("invitations.revoked");
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  private void showLink(Invitations.Issued issued, String to) {
    issuedLink = linkFor(links, issued.token().value());
    issuedEmail = to;
  }

  /** The invitation link for a token. */
  static String linkFor(PublicLinks links, String token) {
    return links.to("invitation.xhtml?token=" + token);
  }

  public Invitation.Status status(Invitation invitation) {
    return invitation.status(clock.now());
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public LazyDataModel<Invitation> getRows() {
    if (rows == null) {
      rows = newRows();
    }
    return rows;
  }

  private LazyDataModel<Invitation> newRows() {
    return new LazyDataModel<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public int count(Map<String, FilterMeta> filterBy) {
        return (int) invitations.count(currentUser.actor());
      }

      @Override
      public List<Invitation> load(
          int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return invitations.list(currentUser.actor(), first, pageSize);
      }

      @Override
      public String getRowKey(Invitation invitation) {
        return String.valueOf(invitation.getId());
      }
    };
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getIssuedLink() {
    return issuedLink;
  }

  public String getIssuedEmail() {
    return issuedEmail;
  }
}
