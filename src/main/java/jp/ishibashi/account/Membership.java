package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * An agency member: an account that works as staff of one agency, with a role. Removing a member
 * ends the membership (it is kept for the record) and ends the member's sessions.
 */
@Entity
@Table(name = "membership")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Membership {

  @Id
  @SequenceGenerator(name = "membership_seq", sequenceName = "membership_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private UserAccount user;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Version private long version;

  protected Membership() {}

  public Membership(UserAccount user, Role role, Instant joinedAt) {
    if (!role.isAgencyMember()) {
      throw new IllegalArgumentException("A membership is for agency staff: " + role);
    }
    this.user = user;
    this.role = role;
    this.joinedAt = joinedAt;
  }

  /** Removes the member from the agency. */
  public void end(Instant at) {
    if (endedAt != null) {
      throw new DomainException("error.member.alreadyRemoved");
    }
    endedAt = at;
  }

  public boolean isActive() {
    return endedAt == null;
  }

  public Long getId() {
    return id;
  }

  public UserAccount getUser() {
    return user;
  }

  public Role getRole() {
    return role;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
