package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations: an agency admin invites staff and subcontractors by e-mail; the invitee follows
 * the link and creates an account, or signs in to link an existing subcontractor account.
 */
@Stateless
public class Invitations {

  @Inject private Tenancy tenancy;
  @Inject private AccountDirectory directory;
  @Inject private Passwords passwords;
  @Inject private PortalClock clock;

  @Inject
  @ConfigProperty(name = "portal.invitation.valid-days")
  private int validDays;

  /** A new or re-issued invitation, with the token for its link (shown once). */
  public record Issued(long invitationId, InvitationToken token) {}

  /** What the invitee sees before accepting. */
  public record Offer(
      long agencyId,
      String agencyName, String email, Role role, Invitation.Status status, boolean accountExists)
      implements java.io.Serializable {}

  public Issued invite(Actor actor, String rawEmail, Role role) {
    requireAdmin(actor);
    if (role == null) {
      throw new DomainException("error.role.required");
    }
    EmailAddress email = EmailAddress.of(rawEmail);
    EntityManager em = tenancy.em(actor);
    Optional<UserAccount> existing = directory.accountByEmail(email.value());
    if (existing.isPresent()) {
      UserAccount account = existing.get();
      if (role.isAgencyMember()) {
        throw new DomainException("error.invitation.emailTaken");
      }
      if (!account.isSubcontractor()) {
        throw new DomainException("error.invitation.notSubcontractor");
      }
      if (activeEngagement(em, account.getId()).isPresent()) {
        throw new DomainException("error.invitation.alreadyEngaged");
      }
    }
    Instant now = clock.now();
    boolean pending =
        em
            .createQuery("select i from Invitation i where i.email = :email", Invitation.class)
            .setParameter("email", email.value())
            .getResultStream()
            .anyMatch(i -> i.status(now) == Invitation.Status.PENDING);
    if (pending) {
      throw new DomainException("error.invitation.pendingExists");
    }
    InvitationToken token = InvitationToken.generate();
    Invitation invitation = new Invitation(email, role, token, actor.userId(), now, validity());
    em.persist(invitation);
    em.flush();
    return new Issued(invitation.getId(), token);
  }

  /** A fresh link for a pending or expired invitation; the old link stops working. */
  public Issued reissue(Actor actor, long invitationId) {
    Invitation invitation = find(actor, invitationId);
    InvitationToken token = InvitationToken.generate();
    invitation.reissue(token, clock.now(), validity());
    return new Issued(invitationId, token);
  }

  public void revoke(Actor actor, long invitationId) {
    find(actor, invitationId).revoke(clock.now());
  }

  /** One invitation of the actor's agency, or 404. */
  public Invitation find(Actor actor, long invitationId) {
    requireAdmin(actor);
    Invitation invitation = tenancy.em(actor).find(Invitation.class, invitationId);
    if (invitation == null) {
      throw new NotFoundException();
    }
    return invitation;
  }

  /** The agency's invitations, newest first, one page at a time. */
  public List<Invitation> list(Actor actor, int first, int max) {
    requireAdmin(actor);
    return tenancy
        .em(actor)
        .createQuery("select i from Invitation i order by i.createdAt desc, i.id desc", Invitation.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count(Actor actor) {
    requireAdmin(actor);
    return tenancy
        .em(actor)
        .createQuery("select count(i) from Invitation i", Long.class)
        .getSingleResult();
  }

  /** What the link offers; an unknown token is a 404. */
  public Offer offer(String token) {
    Found found = byToken(token);
    Invitation invitation = found.invitation();
    Agency agency = tenancy.global().find(Agency.class, found.tenantId());
    return new Offer(
        agency.getId(),
        agency.getName(),
        invitation.getEmail(),
        invitation.getRole(),
        invitation.status(clock.now()),
        directory.accountByEmail(invitation.getEmail()).isPresent());
  }

  /** Accepts with a new account for the invited e-mail address; returns the account. */
  public UserAccount acceptWithNewAccount(String token, String displayName, String password) {
    Found found = byToken(token);
    Invitation invitation = found.invitation();
    Instant now = clock.now();
    invitation.checkAcceptable(now);
    String name = Texts.required(displayName, "displayName", 100, "error.displayName.required");
    EmailAddress email = EmailAddress.of(invitation.getEmail());
    String hash = passwords.hashNew(password);
    Accounts.refuseTaken(directory, email);
    UserAccount.Kind kind =
        invitation.getRole() == Role.SUBCONTRACTOR
            ? UserAccount.Kind.SUBCONTRACTOR
            : UserAccount.Kind.AGENCY;
    UserAccount account = new UserAccount(email, name, hash, kind, now);
    // The link reached the invitee at the invited address, which proves it as a sign-up link would.
    account.emailVerified(now);
    tenancy.global().persist(account);
    tenancy.global().flush();
    join(found, account, now);
    return account;
  }

  /**
   * Accepts for an existing subcontractor account, signed in by the caller: one subcontractor
   * account works for several agencies. The invitation is bound to the address it was sent to, so
   * only the account with that address may redeem it: a leaked link cannot be taken over by
   * someone else's account.
   */
  public void acceptWithExistingAccount(String token, long userId) {
    Found found = byToken(token);
    Invitation invitation = found.invitation();
    Instant now = clock.now();
    invitation.checkAcceptable(now);
    if (invitation.getRole() != Role.SUBCONTRACTOR) {
      throw new DomainException("error.invitation.staffNeedsNewAccount");
    }
    UserAccount account = tenancy.global().find(UserAccount.class, userId);
    if (account == null || !account.isSubcontractor()) {
      throw new DomainException("error.invitation.notSubcontractor");
    }
    refuseOtherAddress(invitation, account.getEmail());
    join(found, account, now);
  }

  /** Refuses unless the address is the one the invitation was sent to. */
  public static void refuseOtherAddress(Invitation invitation, String email) {
    if (!invitation.getEmail().equals(email)) {
      throw new DomainException("error.invitation.otherAddress", invitation.getEmail());
    }
  }

  private void join(Found found, UserAccount account, Instant now) {
    Invitation invitation = found.invitation();
    EntityManager em = tenancy.em(found.tenantId());
    if (invitation.getRole() == Role.SUBCONTRACTOR) {
      Optional<Engagement> previous =
          em
              .createQuery(
                  "select e from Engagement e where e.subcontractor.id = :user", Engagement.class)
              .setParameter("user", account.getId())
              .getResultStream()
              .findFirst();
      if (previous.isPresent() && previous.get().isActive()) {
        throw new DomainException("error.invitation.alreadyEngaged");
      }
      previous.ifPresentOrElse(e -> e.resume(now), () -> em.persist(new Engagement(account, now)));
    } else {
      em.persist(new Membership(account, invitation.getRole(), now));
    }
    invitation.accept(account.getId(), now);
    em.flush();
  }

  /** An invitation found by its token, with the agency it belongs to. */
  private record Found(long tenantId, Invitation invitation) {}

  private Found byToken(String token) {
    long tenantId = tenantOf(token);
    Invitation invitation =
        tenancy
            .em(tenantId)
            .createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
            .setParameter("hash", new InvitationToken(token).hash())
            .getResultStream()
            .findFirst()
            .orElseThrow(NotFoundException::new);
    return new Found(tenantId, invitation);
  }

  private long tenantOf(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new NotFoundException();
    }
    return directory
        .tenantOfInvitation(new InvitationToken(token).hash())
        .orElseThrow(NotFoundException::new);
  }

  private Optional<Engagement> activeEngagement(EntityManager em, long userId) {
    return em
        .createQuery(
            "select e from Engagement e where e.subcontractor.id = :user and e.endedAt is null",
            Engagement.class)
        .setParameter("user", userId)
        .getResultStream()
        .findFirst();
  }

  private Duration validity() {
    return Duration.ofDays(validDays);
  }

  static void requireAdmin(Actor actor) {
    if (!actor.isAgencyAdmin()) {
      throw new NotFoundException();
    }
  }
}
