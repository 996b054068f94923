package jp.ishibashi.settlement;

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
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * What the escrow released for one scope line, by the line's stable id. A line has at most one
 * (the table's unique key says so too), so nothing is paid twice whatever amendments renumber.
 */
@Entity
@Table(name = "line_payment")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class LinePayment {

  @Id
  @SequenceGenerator(name = "line_payment_seq", sequenceName = "line_payment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "line_payment_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Column(name = "delivery_id")
  private Long deliveryId;

  @Column(name = "agreement_version", nullable = false)
  private int agreementVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LinePay.Basis basis;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "paid_at", nullable = false)
  private Instant paidAt;

  protected LinePayment() {}

  LinePayment(long workOrderId, LinePay pay, Long deliveryId, int agreementVersion, Instant at) {
    this.workOrderId = workOrderId;
    this.lineId = pay.lineId();
    this.deliveryId = deliveryId;
    this.agreementVersion = agreementVersion;
    this.basis = pay.basis();
    this.amountMinor = pay.amount().minor();
    this.currency = pay.amount().currency().getCurrencyCode();
    this.paidAt = at;
  }

  public long getLineId() {
    return lineId;
  }

  public LinePay.Basis getBasis() {
    return basis;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public int getAgreementVersion() {
    return agreementVersion;
  }
}
