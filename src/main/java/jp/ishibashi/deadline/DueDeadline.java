package jp.ishibashi.deadline;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of {@link Deadline}, used only by {@link DeadlineClaims} to find
 * the deadlines that are due in every agency. Nothing else may query it; a claim then acts inside
 * the deadline's own agency.
 */
@Entity
@Table(name = "deadline")
@ReadOnly
@Cacheable(false)
class DueDeadline {
  @Id Long id;

  @Column(name = "tenant_id")
  long tenantId;

  String kind;

  @Column(name = "subject_id")
  long subjectId;

  @Column(name = "due_at")
  Instant dueAt;

  @Enumerated(EnumType.STRING)
  Deadline.State state;

  DeadlineDue toEvent() {
    return new DeadlineDue(id, kind, tenantId, subjectId, dueAt);
  }
}
