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
import jp.ishibashi.shared.Money;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/** An {@link Entry} as stored, in minor units: inserted once, never updated. */
@Entity
@Table(name = "ledger_entry")
@Multitenant(MultitenantType.SINGLE_TABLE)
class StoredEntry {

  @Id
  @SequenceGenerator(
      name = "ledger_entry_seq",
      sequenceName = "ledger_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private long workOrderId;

  @Column(name = "movement_id", nullable = false, updatable = false)
  private long movementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 30)
  private LedgerAccount account;

  @Column(name = "amount_minor", nullable = false, updatable = false)
  private long amountMinor;

  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  protected StoredEntry() {}

  StoredEntry(long workOrderId, long movementId, Entry entry) {
    this.workOrderId = workOrderId;
    this.movementId = movementId;
    this.account = entry.account();
    this.amountMinor = entry.amount().minor();
    this.currency = entry.amount().currency().getCurrencyCode();
  }

  Entry toEntry() {
    return new Entry(account, Money.ofMinor(amountMinor, Money.currency(currency)));
  }

  long getMovementId() {
    return movementId;
  }
}
