package jp.ishibashi.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrderStatus;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One message — メッセージ — in a work order's thread between its two parties. Messages are
 * append-only: nothing edits or deletes one, so the thread stays what each side read.
 *
 * <p>A message the agency sends while the order is signed but not yet funded is flagged as an
 * <em>instruction before funding</em> (仮払い前の指示): "the deadline is tight, please begin" is
 * exactly the pressure to start unfunded work that the portal records as evidence. The flag is
 * fixed when the message is sent and never recomputed.
 */
@Entity
@Table(name = "order_message")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class OrderMessage {

  /** The longest body, in characters (a Japanese character counts one). */
  public static final int MAX_BODY = 4000;

  @Id
  @SequenceGenerator(name = "order_message_seq", sequenceName = "order_message_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_message_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private long workOrderId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sender_id", nullable = false, updatable = false)
  private UserAccount sender;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private Party party;

  @Column(nullable = false, length = MAX_BODY, updatable = false)
  private String body;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  @Column(name = "before_funding", nullable = false, updatable = false)
  private boolean beforeFunding;

  @Column(nullable = false, updatable = false)
  private boolean demand;

  protected OrderMessage() {}

  /**
   * A message from one side of an order in the given status.
   *
   * @throws DomainException when the body is blank or longer than {@link #MAX_BODY}
   */
  public OrderMessage(
      long workOrderId,
      UserAccount sender,
      Party party,
      WorkOrderStatus status,
      String body,
      Instant sentAt) {
    this.workOrderId = workOrderId;
    this.sender = sender;
    this.party = party;
    this.body = validBody(body);
    this.sentAt = sentAt;
    this.beforeFunding = isInstructionBeforeFunding(party, status);
  }

  /**
   * The rule of the flag: the agency writes while the order is signed but not funded. The
   * subcontractor's messages never are; before signing there is no contract to start on, and from
   * FUNDED on work may start.
   */
  public static boolean isInstructionBeforeFunding(Party sender, WorkOrderStatus status) {
    return sender == Party.AGENCY && status == WorkOrderStatus.SIGNED;
  }

  /** The trimmed body; refused when blank or too long. */
  public static String validBody(String body) {
    String text = Texts.required(body, "body", MAX_BODY, "error.message.bodyRequired");
    if (text.length() > MAX_BODY) {
      // Characters outside the BMP take two places in the column, which counts UTF-16 units.
      throw DomainException.at("body", "error.text.tooLong", MAX_BODY);
    }
    return text;
  }

  public Long getId() {
    return id;
  }

  public long getWorkOrderId() {
    return workOrderId;
  }

  public UserAccount getSender() {
    return sender;
  }

  public Party getParty() {
    return party;
  }

  public String getBody() {
    return body;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public boolean isBeforeFunding() {
    return beforeFunding;
  }

  /** Whether the message is the agency's demand for performance (催告): evidence too. */
  public boolean isDemand() {
    return demand;
  }

  /** The agency's demand for performance, as the portal writes it in the thread. */
  static OrderMessage demand(
      long workOrderId, UserAccount sender, WorkOrderStatus status, String body, Instant sentAt) {
    OrderMessage message =
        new OrderMessage(workOrderId, sender, Party.AGENCY, status, body, sentAt);
    message.demand = true;
    return message;
  }
}
