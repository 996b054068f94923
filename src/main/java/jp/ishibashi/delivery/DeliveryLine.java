package jp.ishibashi.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One scope line a delivery covers, by the line's stable id; {@code atFault} when the rejection
 * of the delivery names it.
 */
@Entity
@Table(name = "delivery_line")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class DeliveryLine {

  @Id
  @SequenceGenerator(
      name = "delivery_line_seq",
      sequenceName = "delivery_line_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_line_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "delivery_id", nullable = false)
  private Delivery delivery;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Column(name = "at_fault", nullable = false)
  private boolean atFault;

  protected DeliveryLine() {}

  DeliveryLine(Delivery delivery, long lineId) {
    this.delivery = delivery;
    this.lineId = lineId;
  }

  void markAtFault() {
    atFault = true;
  }

  public long getLineId() {
    return lineId;
  }

  public boolean isAtFault() {
    return atFault;
  }
}
