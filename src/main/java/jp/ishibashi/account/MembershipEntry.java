package jp.ishibashi.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.ishibashi.tenant.Role;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of {@link Membership}, used only by {@link AccountDirectory} to
 * find where a signed-in user may act. Nothing else may query it.
 */
@Entity
@Table(name = "membership")
@ReadOnly
@Cacheable(false)
class MembershipEntry {
  @Id Long id;

  @Column(name = "tenant_id")
  long tenantId;

  @Column(name = "user_id")
  long userId;

  @Enumerated(EnumType.STRING)
  Role role;

  @Column(name = "ended_at")
  Instant endedAt;
}
