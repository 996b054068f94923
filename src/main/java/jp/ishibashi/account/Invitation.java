package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * An invitation — 招待 — from an agency admin to a future staff member or subcontractor, sent as a
 * link with a single-use secret token.
 *
 * <p>Only the SHA-256 of the token is stored, so the link is shown to the inviting admin once,
 * when it is issued; an admin may issue a fresh link for a pending or expired invitation, which
 * voids the old one. An invitation is pending until it is accepted (once), revoked by an admin, or
 * expires (by default 7 days after its link was issued). Only the expiry instant is stored; the
 * expired status is derived from the time, so no job has to mark invitations expired.
 */
@Entity
@Table(name = "invitation")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Invitation {

  /** What an invitation is, as shown on the invitations page. */
  public enum Status {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED
  }

  /** What is stored; {@link Status#EXPIRED} is derived from the time. */
  enum State {
    OPEN,
    ACCEPTED,
    REVOKED
  }

  @Id
  @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
  private Long id;

  @Column(nullable = false, length = 254)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state = State.OPEN;

  @Column(name = "invited_by", nullable = false)
  private Long invitedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "accepted_by")
  private Long acceptedBy;

  @Version private long version;

  protected Invitation() {}

  public Invitation(
      EmailAddress email,
      Role role,
      InvitationToken token,
      long invitedBy,
      Instant now,
      Duration validity) {
    this.email = email.value();
    this.role = role;
    this.tokenHash = token.hash();
    this.invitedBy = invitedBy;
    this.createdAt = now;
    this.expiresAt = now.plus(validity);
  }

  public Status status(Instant now) {
    return switch (state) {
      case ACCEPTED -> Status.ACCEPTED;
      case REVOKED -> Status.REVOKED;
      case OPEN -> now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    };
  }

  /** Refuses unless the invitation can still be accepted at {@code now}. */
  public void checkAcceptable(Instant now) {
    switch (status(now)) {
      case ACCEPTED -> throw new DomainException("error.invitation.used");
      case REVOKED -> throw new DomainException("error.invitation.revoked");
      case EXPIRED -> throw new DomainException("error.invitation.expired");
      case PENDING -> {}
    }
  }

  /** Marks the invitation used by the given account; a token works only once. */
  public void accept(long userId, Instant now) {
    checkAcceptable(now);
    state = State.ACCEPTED;
    acceptedBy = userId;
    closedAt = now;
  }

  /** Withdraws a pending or expired invitation. */
  public void revoke(Instant now) {
    if (state != State.OPEN) {
      throw new DomainException("error.invitation.notOpen");
    }
    state = State.REVOKED;
    closedAt = now;
  }

  /** Issues a fresh link for a pending or expired invitation; the old link stops working. */
  public void reissue(InvitationToken token, Instant now, Duration validity) {
    if (state != State.OPEN) {
      throw new DomainException("error.invitation.notOpen");
    }
    tokenHash = token.hash();
    expiresAt = now.plus(validity);
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public Long getInvitedBy() {
    return invitedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Long getAcceptedBy() {
    return acceptedBy;
  }
}
