package jp.ishibashi.delivery;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One delivery — 納品 — of a funded work order: when the agency received it, when its review
 * period (検収期間) ends, the payment due date it fixes, and how the review ended: accepted,
 * deemed accepted on silence (みなし検収), or rejected with a reason tied to lines.
 *
 * <p>The payment is due on the agreed date, and never later than 60 days after receipt (the
 * Freelance Act's rule).
 */
@Entity
@Table(name = "delivery")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Delivery {

  public static final int MAX_PAYMENT_DAYS = 60;
  public static final int MAX_NOTE = 4000;
  public static final int MAX_REASON = 2000;

  public enum State {
    SUBMITTED,
    ACCEPTED,
    DEEMED_ACCEPTED,
    REJECTED
  }

  @Id
  @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "delivery_number", nullable = false)
  private int number;

  @Column(name = "delivered_by", nullable = false)
  private long deliveredBy;

  @Column(name = "delivered_at", nullable = false)
  private Instant deliveredAt;

  @Column(name = "received_on", nullable = false)
  private LocalDate receivedOn;

  @Column(name = "review_ends_at", nullable = false)
  private Instant reviewEndsAt;

  @Column(name = "payment_due_on", nullable = false)
  private LocalDate paymentDueOn;

  @Column(length = MAX_NOTE)
  private String note;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "rejection_reason", length = MAX_REASON)
  private String rejectionReason;

  @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL)
  @OrderBy("lineId")
  private List<DeliveryLine> lines = new ArrayList<>();

  @Version private long version;

  protected Delivery() {}

  /**
   * @param agreedPaymentDue the payment due date of the agreement; null when none was agreed
   */
  Delivery(
      long workOrderId,
      int number,
      long deliveredBy,
      Instant deliveredAt,
      LocalDate receivedOn,
      Instant reviewEndsAt,
      LocalDate agreedPaymentDue,
      String note,
      List<Long> lineIds) {
    this.workOrderId = workOrderId;
    this.number = number;
    this.deliveredBy = deliveredBy;
    this.deliveredAt = deliveredAt;
    this.receivedOn = receivedOn;
    this.reviewEndsAt = reviewEndsAt;
    this.paymentDueOn = paymentDue(agreedPaymentDue, receivedOn);
    this.note = Texts.optional(note, "note", MAX_NOTE);
    this.state = State.SUBMITTED;
    lineIds.forEach(id -> lines.add(new DeliveryLine(this, id)));
  }

  /** The ids of the scope lines this delivery covers. */
  public List<Long> lineIds() {
    return lines.stream().map(DeliveryLine::getLineId).toList();
  }

  /** The ids of the lines the rejection named. */
  public List<Long> faultyLineIds() {
    return lines.stream().filter(DeliveryLine::isAtFault).map(DeliveryLine::getLineId).toList();
  }

  /** Whether the delivery was accepted, by the agency or on silence. */
  public boolean isAccepted() {
    return state == State.ACCEPTED || state == State.DEEMED_ACCEPTED;
  }

  /** The agreed payment date, but never later than 60 days after receipt. */
  static LocalDate paymentDue(LocalDate agreed, LocalDate receivedOn) {
    LocalDate latest = receivedOn.plusDays(MAX_PAYMENT_DAYS);
    return agreed == null || agreed.isAfter(latest) ? latest : agreed;
  }

  void accept(long by, Instant now, boolean deemed) {
    requireOpen();
    state = deemed ? State.DEEMED_ACCEPTED : State.ACCEPTED;
    decidedAt = now;
    decidedBy = by;
  }

  /** Rejected with a reason, naming the delivered lines at fault. */
  void reject(long by, Instant now, String reason, Collection<Long> faulty) {
    requireOpen();
    String why = Texts.optional(reason, "reason", MAX_REASON);
    if (why == null) {
      throw DomainException.at("reason", "error.delivery.rejectReason");
    }
    if (faulty == null || faulty.isEmpty()) {
      throw DomainException.at("lines", "error.delivery.rejectLines");
    }
    if (!lineIds().containsAll(faulty)) {
      throw DomainException.at("lines", "error.delivery.unknownLine");
    }
    lines.stream().filter(l -> faulty.contains(l.getLineId())).forEach(DeliveryLine::markAtFault);
    state = State.REJECTED;
    decidedAt = now;
    decidedBy = by;
    rejectionReason = why;
  }

  private void requireOpen() {
    if (state != State.SUBMITTED) {
      throw new DomainException("error.delivery.alreadyDecided");
    }
  }

  public Long getId() {
    return id;
  }

  public long getWorkOrderId() {
    return workOrderId;
  }

  public int getNumber() {
    return number;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public Instant getReviewEndsAt() {
    return reviewEndsAt;
  }

  public LocalDate getPaymentDueOn() {
    return paymentDueOn;
  }

  public String getNote() {
    return note;
  }

  public State getState() {
    return state;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public List<DeliveryLine> getLines() {
    return lines;
  }
}
