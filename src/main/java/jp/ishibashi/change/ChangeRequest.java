package jp.ishibashi.change;

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
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.workorder.Party;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * A change request — 変更依頼 — on a signed work order: one party's proposal with its reason,
 * priced into an immutable quote bound to the agreement version it priced. The other party
 * accepts it, rejects it with a reason, or counters with a proposal of its own; the proposer may
 * withdraw it. A quote accepted after it expired, or after the agreement moved on, is refused.
 * Nothing in the order changes before acceptance.
 */
@Entity
@Table(name = "change_request")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class ChangeRequest {

  public enum State {
    /** Priced; waiting for the other party. Shown as EXPIRED once the quote has expired. */
    PRICED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN,
    /** The other party answered with a proposal of its own, which replaces this one. */
    COUNTERED,
    /** Not stored: a PRICED request whose quote has expired. */
    EXPIRED
  }

  public static final int MAX_REASON = 2000;

  @Id
  @SequenceGenerator(
      name = "change_request_seq",
      sequenceName = "change_request_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_request_seq")
  private Long id;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "request_number", nullable = false)
  private int number;

  @Column(name = "agreement_id", nullable = false)
  private long agreementId;

  @Column(name = "agreement_version", nullable = false)
  private int agreementVersion;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposed_by", nullable = false, length = 20)
  private Party proposedBy;

  @Column(name = "proposer_id", nullable = false)
  private long proposerId;

  @Column(nullable = false, length = MAX_REASON)
  private String reason;

  @Column(nullable = false)
  private String proposal;

  @Column(nullable = false)
  private String quote;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "total_minor", nullable = false)
  private long totalMinor;

  @Column(name = "escrow_minor", nullable = false)
  private long escrowMinor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decision_reason", length = MAX_REASON)
  private String decisionReason;

  @Column(name = "counter_of")
  private Long counterOf;

  @Column(name = "amendment_id")
  private Long amendmentId;

  @Version private long version;

  protected ChangeRequest() {}

  ChangeRequest(
      long workOrderId,
      int number,
      long agreementId,
      int agreementVersion,
      Party proposedBy,
      long proposerId,
      String reason,
      String proposal,
      String quote,
      String currency,
      long totalMinor,
      long escrowMinor,
      Instant createdAt,
      Instant expiresAt,
      Long counterOf) {
    this.workOrderId = workOrderId;
    this.number = number;
    this.agreementId = agreementId;
    this.agreementVersion = agreementVersion;
    this.proposedBy = proposedBy;
    this.proposerId = proposerId;
    this.reason = reason;
    this.proposal = proposal;
    this.quote = quote;
    this.currency = currency;
    this.totalMinor = totalMinor;
    this.escrowMinor = escrowMinor;
    this.state = State.PRICED;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.counterOf = counterOf;
  }

  /**
   * Records the acceptance, once {@link #requireAnswerable} passed and the amendment it created
   * is frozen.
   */
  void accepted(long userId, Instant now, long amendment) {
    if (state != State.PRICED) {
      throw new IllegalStateException("Only a priced change request can be accepted");
    }
    decide(State.ACCEPTED, userId, now, null);
    amendmentId = amendment;
  }

  /** Checks that the other party may answer now: open, not its own, not expired. */
  void requireAnswerable(Party by, Instant now) {
    requireOpen(now);
    if (by == proposedBy) {
      throw new DomainException("error.change.ownProposal");
    }
  }

  void reject(Party by, long userId, String why, Instant now) {
    String text = Texts.optional(why, "decisionReason", MAX_REASON);
    if (text == null) {
      throw DomainException.at("decisionReason", "error.change.rejectReason");
    }
    requireAnswerable(by, now);
    decide(State.REJECTED, userId, now, text);
  }

  void withdraw(Party by, long userId, Instant now) {
    if (stateAt(now) != State.PRICED && stateAt(now) != State.EXPIRED) {
      throw new DomainException("error.change.notOpen");
    }
    if (by != proposedBy) {
      throw new DomainException("error.change.notProposer");
    }
    decide(State.WITHDRAWN, userId, now, null);
  }

  /** The other party answers with its own proposal, which replaces this one. */
  void counter(Party by, long userId, Instant now) {
    requireAnswerable(by, now);
    decide(State.COUNTERED, userId, now, null);
  }

  private void requireOpen(Instant now) {
    State current = stateAt(now);
    if (current == State.EXPIRED) {
      throw new DomainException("error.change.expired");
    }
    if (current != State.PRICED) {
      throw new DomainException("error.change.notOpen");
    }
  }

  private void decide(State outcome, long userId, Instant now, String why) {
    state = outcome;
    decidedAt = now;
    decidedBy = userId;
    decisionReason = why;
  }

  /** The state as of a time: a priced request past its expiry is EXPIRED. */
  public State stateAt(Instant now) {
    return state == State.PRICED && now.isAfter(expiresAt) ? State.EXPIRED : state;
  }

  /** The reference both parties use: CR-1, CR-2, … per order. */
  public String reference() {
    return "CR-" + number;
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

  public long getAgreementId() {
    return agreementId;
  }

  public int getAgreementVersion() {
    return agreementVersion;
  }

  public Party getProposedBy() {
    return proposedBy;
  }

  public long getProposerId() {
    return proposerId;
  }

  public String getReason() {
    return reason;
  }

  String proposalJson() {
    return proposal;
  }

  String quoteJson() {
    return quote;
  }

  public State getState() {
    return state;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Long getDecidedBy() {
    return decidedBy;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public Long getCounterOf() {
    return counterOf;
  }

  public Long getAmendmentId() {
    return amendmentId;
  }

  public long getVersion() {
    return version;
  }
}
