package jp.ishibashi.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * A read-only, cross-tenant view of {@link Invitation}: it finds the tenant of an invitation from
 * the hash of its secret token, before anyone is signed in. Nothing else may query it.
 */
@Entity
@Table(name = "invitation")
@ReadOnly
@Cacheable(false)
class InvitationEntry {
  @Id Long id;

  @Column(name = "tenant_id")
  long tenantId;

  @Column(name = "token_hash")
  String tokenHash;
}
