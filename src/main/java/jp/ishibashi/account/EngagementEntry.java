package jp.ishibashi.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of {@link Engagement}, used only by {@link AccountDirectory} to
 * list the agencies a subcontractor works for. Nothing else may query it.
 */
@Entity
@Table(name = "engagement")
@ReadOnly
@Cacheable(false)
class EngagementEntry {
  @Id Long id;

  @Column(name = "tenant_id")
  long tenantId;

  @Column(name = "subcontractor_id")
  long subcontractorId;

  @Column(name = "ended_at")
  Instant endedAt;
}
