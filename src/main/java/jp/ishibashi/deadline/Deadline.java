package jp.ishibashi.deadline;

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
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * A moment at which the portal acts on its own about one subject of an agency: the end of a review
 * period (deemed acceptance, みなし検収), a quote's expiry. The {@code kind} names what is due (such as
 * {@code delivery.review}), and {@code subjectId} what it is about (such as the work order); an
 * agency has at most one pending deadline per kind and subject.
 *
 * <p>A deadline is PENDING until it is cancelled or fires. It fires once it is due, when a {@link
 * DeadlinePoller} claims it: {@link DeadlineClaims} turns it from PENDING to FIRED with one
 * conditional update, the only transition not made here, because only the database can decide it
 * for several nodes at once.
 */
@Entity
@Table(name = "deadline")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Deadline {

  /** Where a deadline stands. */
  public enum State {
    /** Waiting for its time, or due and not yet claimed. */
    PENDING,
    /** Claimed by a poller, whose effect committed with the claim. */
    FIRED,
    /** Withdrawn before it fired; it never fires. */
    CANCELLED
  }

  public static final int MAX_KIND = 40;
  private static final Pattern KIND = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*");

  @Id
  @SequenceGenerator(name = "deadline_seq", sequenceName = "deadline_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deadline_seq")
  private Long id;

  @Column(nullable = false, updatable = false, length = MAX_KIND)
  private String kind;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private long subjectId;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  /** The subject while pending, else null: one pending deadline per kind and subject. */
  @Column(name = "pending_subject_id")
  private Long pendingSubjectId;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  @Column(name = "fired_at")
  private Instant firedAt;

  @Version private long version;

  protected Deadline() {}

  /** A pending deadline of this kind about this subject, due at {@code dueAt}. */
  Deadline(String kind, long subjectId, Instant dueAt) {
    this.kind = requireKind(kind);
    this.subjectId = subjectId;
    this.dueAt = stored(dueAt);
    this.state = State.PENDING;
    this.pendingSubjectId = subjectId;
  }

  /**
   * A kind is a dotted name of letters and digits, such as {@code delivery.review}, at most {@value
   * #MAX_KIND} characters.
   */
  public static String requireKind(String kind) {
    if (kind == null || kind.length() > MAX_KIND || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("Not a deadline kind: " + kind);
    }
    return kind;
  }

  /** Moves a pending deadline to another time, earlier or later. */
  void moveTo(Instant dueAt) {
    requirePending("move");
    this.dueAt = stored(dueAt);
  }

  /** Withdraws a pending deadline: it will never fire. */
  void cancel() {
    requirePending("cancel");
    state = State.CANCELLED;
    pendingSubjectId = null;
  }

  private void requirePending(String what) {
    if (state != State.PENDING) {
      throw new IllegalStateException("Cannot " + what + " a " + state + " deadline");
    }
  }

  /** The database keeps microseconds: a time is kept as it will be read back. */
  private static Instant stored(Instant at) {
    return Objects.requireNonNull(at, "dueAt").truncatedTo(ChronoUnit.MICROS);
  }

  public Long getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public long getSubjectId() {
    return subjectId;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public State getState() {
    return state;
  }

  /** The node that fired it, or null. */
  public String getClaimedBy() {
    return claimedBy;
  }

  /** When it fired, by the portal's clock, or null. */
  public Instant getFiredAt() {
    return firedAt;
  }

  public long getVersion() {
    return version;
  }
}
