package jp.ishibashi.notification;

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
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One entry of a user's inbox, in the agency where its event happened: what happened ({@link
 * NotificationKind}), about which work order, with the arguments of its text. It is stored in the
 * transaction of the action it reports, so it exists exactly when that action committed. It is
 * unread until its recipient opens it or marks everything read.
 */
@Entity
@Table(name = "notification")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Notification {

  @Id
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  private Long id;

  @Column(name = "recipient_id", nullable = false, updatable = false)
  private long recipientId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 30)
  private NotificationKind kind;

  @Column(name = "work_order_id", updatable = false)
  private Long workOrderId;

  @Column(updatable = false)
  private String params;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {}

  Notification(
      long recipientId, NotificationKind kind, Long workOrderId, String[] args, Instant at) {
    this.recipientId = recipientId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.workOrderId = workOrderId;
    this.params = NotificationParams.encode(args);
    this.createdAt = Objects.requireNonNull(at, "at");
  }

  /** Its recipient has read it, now or before. */
  void read(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public long getRecipientId() {
    return recipientId;
  }

  public NotificationKind getKind() {
    return kind;
  }

  /** The work order it is about, or null. */
  public Long getWorkOrderId() {
    return workOrderId;
  }

  /** The arguments of its text, {@code {0}} first. */
  public String[] getArgs() {
    return NotificationParams.decode(params);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When its recipient read it, or null while unread. */
  public Instant getReadAt() {
    return readAt;
  }

  public boolean isUnread() {
    return readAt == null;
  }
}
