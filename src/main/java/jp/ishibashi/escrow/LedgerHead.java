package jp.ishibashi.escrow;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * The row every movement of one work order locks until its transaction ends, so the order's
 * movements are checked against the balance and appended one after the other, also across portal
 * nodes. It numbers the movements; it holds no balance.
 */
@Entity
@Table(name = "ledger_head")
@Multitenant(MultitenantType.SINGLE_TABLE)
@Cacheable(false)
class LedgerHead {

  @Id
  @Column(name = "work_order_id")
  private Long workOrderId;

  @Column(name = "last_seq", nullable = false)
  private int lastSeq;

  protected LedgerHead() {}

  LedgerHead(long workOrderId) {
    this.workOrderId = workOrderId;
  }

  /** The number of the next movement, which from now on is the last. */
  int next() {
    return ++lastSeq;
  }

  int lastSeq() {
    return lastSeq;
  }
}
