package jp.ishibashi.account.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.ishibashi.account.Engagement;
import jp.ishibashi.account.Members;
import jp.ishibashi.account.Membership;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.Pages;

/** The admin's members page: staff and engaged subcontractors; remove one, or end an engagement. */
@Named
@ViewScoped
public class MembersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Members members;
  @Inject private CurrentUser currentUser;

  // Entities: transient, and loaded again when a view restored on another node lacks them.
  private transient List<Membership> staff;
  private transient List<Engagement> subcontractors;

  public void load() {
    try {
      staff = members.staff(currentUser.actor());
      subcontractors = members.subcontractors(currentUser.actor());
    } catch (DomainException e) {
      Pages.refused(e);
    }
  }

  public void remove(long membershipId) {
    try {
      members.removeMember(currentUser.actor(), membershipId);
      Pages.info("members.removed");
    } catch (DomainException e) {
      Pages.refused(e);
    }
    load();
  }

  public void endEngagement(long engagementId) {
    try {
      members.endEngagement(currentUser.actor(), engagementId);
      Pages.info("members.engagementEnded");
    } catch (DomainException e) {
      Pages.refused(e);
    }
    load();
  }

  public boolean isSelf(Membership membership) {
    return membership.getUser().getId().equals(currentUser.account().getId());
  }

  public List<Membership> getStaff() {
    if (staff == null) { // a view restored on another node
      load();
    }
    return staff;
  }

  public List<Engagement> getSubcontractors() {
    if (subcontractors == null) {
      load();
    }
    return subcontractors;
  }
}
