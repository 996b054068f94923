package jp.ishibashi.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of one agency's audit chain: the seq and hash of its last event. Every append locks this
 * row until its transaction commits, so one agency's appends run one after the other, also across
 * portal nodes, and each event follows the one committed before it: the chain never forks.
 *
 * <p>Keyed by the tenant id rather than tenant-filtered: only {@link AuditTrail} and {@link
 * AuditChainVerifier} use it, always with the actor's own tenant id.
 */
@Entity
@Table(name = "audit_chain_head")
@Cacheable(false)
class AuditChainHead {

  @Id
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  /** The head of a new agency's empty chain. */
  AuditChainHead(long tenantId) {
    this.tenantId = tenantId;
    this.lastSeq = 0;
    this.lastHash = AuditHash.GENESIS;
  }

  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  /** Moves the head to the event just appended, which must be the next one. */
  void advanceTo(AuditEvent event) {
    if (event.getSeq() != lastSeq + 1 || !event.getPreviousHash().equals(lastHash)) {
      throw new IllegalStateException("The event does not follow the chain's head");
    }
    lastSeq = event.getSeq();
    lastHash = event.getHash();
  }
}
