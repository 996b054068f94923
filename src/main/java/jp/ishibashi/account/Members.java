package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;

/**
 * An agency's people: its staff (memberships) and the subcontractors it engaged. Only an
 * AGENCY_ADMIN may remove a member or end an engagement; the removed user's sessions end at their
 * next request (see {@code SessionGuard}).
 */
@Stateless
public class Members {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;

  /** Active staff of the actor's agency, by name. */
  public List<Membership> staff(Actor actor) {
    Invitations.requireAdmin(actor);
    return tenancy
        .em(actor)
        .createQuery(
            "select m from Membership m join fetch m.user u"
                + " where m.endedAt is null order by u.displayName, m.id",
            Membership.class)
        .getResultList();
  }

  /** Active engagements of the actor's agency, by subcontractor name. */
  public List<Engagement> subcontractors(Actor actor) {
    if (!actor.isAgencyMember()) {
      throw new NotFoundException();
    }
    return tenancy
        .em(actor)
        .createQuery(
            "select e from Engagement e join fetch e.subcontractor s"
                + " where e.endedAt is null order by s.displayName, e.id",
            Engagement.class)
        .getResultList();
  }

  public void removeMember(Actor actor, long membershipId) {
    Invitations.requireAdmin(actor);
    Membership membership = tenancy.em(actor).find(Membership.class, membershipId);
    if (membership == null || !membership.isActive()) {
      throw new NotFoundException();
    }
    if (membership.getUser().getId() == actor.userId()) {
      throw new DomainException("error.member.removeSelf");
    }
    if (membership.getRole() == Role.AGENCY_ADMIN && activeAdmins(actor) <= 1) {
      throw new DomainException("error.member.lastAdmin");
    }
    membership.end(clock.now());
  }

  public void endEngagement(Actor actor, long engagementId) {
    Invitations.requireAdmin(actor);
    Engagement engagement = tenancy.em(actor).find(Engagement.class, engagementId);
    if (engagement == null || !engagement.isActive()) {
      throw new NotFoundException();
    }
    engagement.end(clock.now());
  }

  private long activeAdmins(Actor actor) {
    return tenancy
        .em(actor)
        .createQuery(
            "select count(m) from Membership m where m.endedAt is null and m.role = :role",
            Long.class)
        .setParameter("role", Role.AGENCY_ADMIN)
        .getSingleResult();
  }
}
