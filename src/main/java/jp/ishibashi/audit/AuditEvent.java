package jp.ishibashi.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One state change, appended to the agency's audit trail: who, when (UTC), what action on which
 * subject, and what changed. Rows are only ever inserted.
 */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class AuditEvent {

  @Id
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Column(nullable = false, length = 60)
  private String action;

  @Column(name = "subject_type", nullable = false, length = 40)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Column(length = 4000)
  private String details;

  protected AuditEvent() {}

  AuditEvent(
      Instant at, long actorId, String action, String subjectType, long subjectId, String details) {
    this.at = at;
    this.actorId = actorId;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public long getActorId() {
    return actorId;
  }

  public String getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public long getSubjectId() {
    return subjectId;
  }

  public String getDetails() {
    return details;
  }
}
