package jp.ishibashi.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * An engagement links a subcontractor to an agency that invited it: the agency may then address
 * work orders to it. Ending the engagement (it is kept for the record) ends the subcontractor's
 * access to that agency.
 */
@Entity
@Table(name = "engagement")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Engagement {

  @Id
  @SequenceGenerator(name = "engagement_seq", sequenceName = "engagement_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "engagement_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "subcontractor_id", nullable = false)
  private UserAccount subcontractor;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Version private long version;

  protected Engagement() {}

  public Engagement(UserAccount subcontractor, Instant startedAt) {
    if (!subcontractor.isSubcontractor()) {
      throw new IllegalArgumentException("Only a subcontractor account can be engaged");
    }
    this.subcontractor = subcontractor;
    this.startedAt = startedAt;
  }

  /** Ends the engagement. */
  public void end(Instant at) {
    if (endedAt != null) {
      throw new DomainException("error.engagement.alreadyEnded");
    }
    endedAt = at;
  }

  /** Engages the subcontractor again after an earlier engagement ended. */
  public void resume(Instant at) {
    startedAt = at;
    endedAt = null;
  }

  public boolean isActive() {
    return endedAt == null;
  }

  public Long getId() {
    return id;
  }

  public UserAccount getSubcontractor() {
    return subcontractor;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
