package jp.ishibashi.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * One state change, appended to the agency's audit trail: who, when (UTC), from which IP, what
 * action on which subject, and what changed. Rows are only ever inserted.
 *
 * <p>Each event is a link of its agency's hash chain: {@code seq} counts the agency's events from
 * 1, {@code previousHash} is the hash of event {@code seq - 1} (or {@link AuditHash#GENESIS}), and
 * {@code hash} covers every field and the previous hash (see {@link AuditHash}). Events recorded
 * before the chain existed have none of these: they are legacy events, which are not verified.
 */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class AuditEvent {

  /** The longest details kept, in UTF-16 chars as the column counts them. */
  public static final int MAX_DETAILS = 4000;

  /** The longest IP kept (an IPv6 address with a zone id fits). */
  static final int MAX_IP = 64;

  @Id
  @SequenceGenerator(
      name = "audit_event_seq",
      sequenceName = "audit_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  /** The place in the agency's chain, from 1; null for a legacy event. */
  @Column(name = "seq")
  private Long seq;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Column(nullable = false, length = 60)
  private String action;

  @Column(name = "subject_type", nullable = false, length = 40)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Column(length = MAX_DETAILS)
  private String details;

  @Column(length = MAX_IP)
  private String ip;

  @Column(name = "previous_hash", length = 64)
  private String previousHash;

  @Column(name = "event_hash", length = 64)
  private String hash;

  protected AuditEvent() {}

  /** The event that follows {@code previousHash} as number {@code seq} of the tenant's chain. */
  AuditEvent(
      long tenantId,
      long seq,
      Instant at,
      long actorId,
      String action,
      String subjectType,
      long subjectId,
      String details,
      String ip,
      String previousHash) {
    this.seq = seq;
    this.at = AuditHash.micros(at);
    this.actorId = actorId;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.details = storable(details, MAX_DETAILS);
    this.ip = storable(ip, MAX_IP);
    this.previousHash = previousHash;
    this.hash = computeHash(tenantId);
  }

  /**
   * The hash this event's fields give now, in the given tenant. It differs from {@link #getHash()}
   * once a stored field was changed.
   */
  String computeHash(long tenantId) {
    return AuditHash.of(
        tenantId, seq, at, actorId, action, subjectType, subjectId, details, ip, previousHash);
  }

  /**
   * The text as the database will give it back, so that its hash still matches when recomputed: cut
   * to {@code max} chars without splitting a surrogate pair, unpaired surrogates replaced (UTF-8
   * cannot store them) and NUL replaced (PostgreSQL refuses it).
   */
  static String storable(String text, int max) {
    if (text == null) {
      return null;
    }
    String cut = text;
    if (cut.length() > max) {
      int end = Character.isHighSurrogate(cut.charAt(max - 1)) ? max - 1 : max;
      cut = cut.substring(0, end);
    }
    return new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
        .replace('\0', '\uFFFD');
  }

  /** Recorded before the chain existed: no seq and no hash. */
  public boolean isLegacy() {
    return seq == null;
  }

  public Long getId() {
    return id;
  }

  public Long getSeq() {
    return seq;
  }

  public Instant getAt() {
    return at;
  }

  public long getActorId() {
    return actorId;
  }

  public String getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public long getSubjectId() {
    return subjectId;
  }

  public String getDetails() {
    return details;
  }

  /** The client's IP, or null when the change came from no HTTP request (or before the chain). */
  public String getIp() {
    return ip;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }
}
