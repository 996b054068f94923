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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * The e-mail of one notification, or of an account matter such as an address to verify ({@link
 * AccountMails}; no notification), written in the transaction of what it reports and sent later by
 * a {@link MailOutboxPoller}: PENDING until sent, retried with {@link MailBackoff} after a failure,
 * FAILED once it has failed {@value MailBackoff#MAX_ATTEMPTS} times. Its text is fixed when it is
 * written, in Japanese with the English below.
 */
@Entity
@Table(name = "mail_outbox")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class MailOutbox {

  /** Where a mail stands. */
  public enum State {
    /** To be sent at {@code nextAttemptAt}, or later. */
    PENDING,
    /** Handed to the SMTP server. */
    SENT,
    /** Given up after the last attempt failed; see {@code lastError}. */
    FAILED
  }

  public static final int MAX_SUBJECT = 300;
  public static final int MAX_ERROR = 500;

  @Id
  @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
  private Long id;

  /** The notification it reports; null for an account mail. */
  @Column(name = "notification_id", updatable = false)
  private Long notificationId;

  @Column(nullable = false, updatable = false, length = 254)
  private String recipient;

  @Column(nullable = false, updatable = false, length = MAX_SUBJECT)
  private String subject;

  @Column(nullable = false, updatable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = MAX_ERROR)
  private String lastError;

  @Version private long version;

  protected MailOutbox() {}

  MailOutbox(long notificationId, String recipient, MailText text, Instant now) {
    this(Long.valueOf(notificationId), recipient, text, now);
  }

  private MailOutbox(Long notificationId, String recipient, MailText text, Instant now) {
    this.notificationId = notificationId;
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.subject = cut(text.subject(), MAX_SUBJECT);
    this.body = text.body();
    this.state = State.PENDING;
    this.nextAttemptAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** A mail about the recipient's account rather than a notification. */
  static MailOutbox accountMail(String recipient, MailText text, Instant now) {
    return new MailOutbox(null, recipient, text, now);
  }

  /** The SMTP server took it. */
  void sent() {
    state = State.SENT;
    lastError = null;
  }

  /** An attempt failed at {@code now}: try again later, or give up after the last attempt. */
  void failed(Instant now, String error) {
    attempts++;
    lastError = cut(error, MAX_ERROR);
    MailBackoff.nextAttempt(attempts, now)
        .ifPresentOrElse(
            next -> nextAttemptAt = next.truncatedTo(ChronoUnit.MICROS),
            () -> state = State.FAILED);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  /** The notification it reports, or null for an account mail. */
  public Long getNotificationId() {
    return notificationId;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public State getState() {
    return state;
  }

  /** How many attempts have failed. */
  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  /** The last attempt's error, or null. */
  public String getLastError() {
    return lastError;
  }
}
