package jp.ishibashi.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/** A {@link Movement} as stored: inserted once, never updated (no column is updatable). */
@Entity
@Table(name = "ledger_movement")
@Multitenant(MultitenantType.SINGLE_TABLE)
class StoredMovement {

  @Id
  @SequenceGenerator(
      name = "ledger_movement_seq",
      sequenceName = "ledger_movement_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_movement_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private long workOrderId;

  @Column(nullable = false, updatable = false)
  private int seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private MovementKind kind;

  @Column(nullable = false, updatable = false, length = Movement.MAX_REFERENCE)
  private String reference;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "actor_id", nullable = false, updatable = false)
  private long actorId;

  protected StoredMovement() {}

  StoredMovement(long workOrderId, int seq, Movement movement, long actorId) {
    this.workOrderId = workOrderId;
    this.seq = seq;
    this.kind = movement.kind();
    this.reference = movement.reference();
    this.at = movement.at();
    this.actorId = actorId;
  }

  /** The movement these rows make, with its entries. */
  Movement toMovement(List<Entry> entries) {
    return new Movement(kind, reference, at, entries);
  }

  Long getId() {
    return id;
  }
}
