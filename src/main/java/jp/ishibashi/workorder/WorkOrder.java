package jp.ishibashi.workorder;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.shared.Money;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * A work order — 発注書 — from an agency to one of its subcontractors: its terms and its scope,
 * line by line. This class is the one place of the order's state machine.
 *
 * <p>The agency writes a DRAFT, which the subcontractor does not see. Sending it is refused until
 * the Freelance Act's required terms are present (3条明示事項), and while the payment due date is
 * more than 60 days after the delivery date. Once sent, the order is NEGOTIATING: the agency may
 * still revise the terms, which the subcontractor then accepts; each scope line is proposed,
 * countered and accepted on its own (see {@link ScopeLine}). When the terms and every remaining
 * line are accepted by both sides the order is AGREED; any later edit reopens it.
 *
 * <p>Whether an action is possible is decided by one table, {@link Lifecycle}: every method that
 * changes the order asks it first ({@link #require}), and pages and the API show {@link
 * #allowedActions}. After both signatures the agreed content never changes in place: an accepted,
 * priced change request ({@link #applyChange}) makes the next version, which both sign again.
 */
@Entity
@Table(name = "work_order")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class WorkOrder {

  /** The payment due date may be at most this many days after delivery (Freelance Act). */
  public static final int MAX_PAYMENT_DAYS = 60;

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 4000;
  public static final int MAX_PLACE = 500;
  public static final int MAX_PAYMENT_METHOD = 500;
  public static final Set<String> LANGUAGES = Set.of("ja", "en");

  /** Whether the subcontractor has accepted the current terms. */
  public enum TermsState {
    PROPOSED,
    ACCEPTED
  }

  @Id
  @SequenceGenerator(name = "work_order_seq", sequenceName = "work_order_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_seq")
  private Long id;

  @Column(name = "order_number", nullable = false, length = 20)
  private String number;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(length = MAX_DESCRIPTION)
  private String description;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "subcontractor_id")
  private UserAccount subcontractor;

  @Column(nullable = false, length = 2)
  private String language;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "commissioned_on")
  private LocalDate commissionedOn;

  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "delivery_date")
  private LocalDate deliveryDate;

  @Column(name = "place_of_delivery", length = MAX_PLACE)
  private String placeOfDelivery;

  @Column(name = "review_days", nullable = false)
  private int reviewDays;

  @Column(name = "payment_due_date")
  private LocalDate paymentDueDate;

  @Column(name = "payment_method", length = MAX_PAYMENT_METHOD)
  private String paymentMethod;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private WorkOrderStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "terms_state", nullable = false, length = 20)
  private TermsState termsState;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "agreed_at")
  private Instant agreedAt;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "funded_at")
  private Instant fundedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancel_reason", length = 2000)
  private String cancelReason;

  @Column(name = "termination_notice_on")
  private LocalDate terminationNoticeOn;

  @Column(name = "amendment_pending", nullable = false)
  private boolean amendmentPending;

  @Column(name = "ending_agreed", nullable = false)
  private boolean endingAgreed;

  @Enumerated(EnumType.STRING)
  @Column(name = "ended_by", length = 20)
  private Ending endedBy;

  @Column(name = "demand_sent_at")
  private Instant demandSentAt;

  @Column(name = "demand_deadline")
  private LocalDate demandDeadline;

  @OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("sortOrder")
  private List<ScopeLine> lines = new ArrayList<>();

  @Version private long version;

  protected WorkOrder() {}

  /** A new draft with the given number; its terms are applied by {@link #revise}. */
  WorkOrder(String number, long createdBy, Instant createdAt) {
    this.number = number;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.status = WorkOrderStatus.DRAFT;
    this.termsState = TermsState.PROPOSED;
    this.language = "ja";
    this.currency = "JPY";
    this.reviewDays = 7;
  }

  /**
   * The agency writes or revises the terms. After sending, a revision must be accepted by the
   * subcontractor again.
   *
   * @param today the agency's current date, to refuse dates in the past
   */
  void revise(Terms terms, UserAccount subcontractor, LocalDate today) {
    require(OrderAction.EDIT_TERMS, Party.AGENCY);
    String newTitle = Texts.required(terms.title(), "title", MAX_TITLE);
    String newDescription = Texts.optional(terms.description(), "description", MAX_DESCRIPTION);
    String newLanguage = terms.language() == null ? "ja" : terms.language();
    if (!LANGUAGES.contains(newLanguage)) {
      throw DomainException.at("language", "error.workOrder.language");
    }
    String newCurrency = terms.currency() == null ? "JPY" : terms.currency().strip();
    try {
      Money.currency(newCurrency);
    } catch (DomainException e) {
      throw DomainException.at("currency", e.key(), e.args());
    }
    if (!newCurrency.equals(currency) && !lines.isEmpty()) {
      throw DomainException.at("currency", "error.workOrder.currencyLocked");
    }
    int days = terms.reviewDays() == null ? 7 : terms.reviewDays();
    if (days < 1 || days > 60) {
      throw DomainException.at("reviewDays", "error.workOrder.reviewDays");
    }
    if (terms.deliveryDate() != null && terms.deliveryDate().isBefore(today)) {
      throw DomainException.at("deliveryDate", "error.workOrder.deliveryInPast");
    }
    if (terms.periodStart() != null
        && terms.deliveryDate() != null
        && terms.periodStart().isAfter(terms.deliveryDate())) {
      throw DomainException.at("periodStart", "error.workOrder.periodOrder");
    }
    checkPaymentDate(terms.deliveryDate(), terms.paymentDueDate());
    if (status != WorkOrderStatus.DRAFT && subcontractor != this.subcontractor) {
      throw DomainException.at("subcontractor", "error.workOrder.subcontractorLocked");
    }
    this.title = newTitle;
    this.description = newDescription;
    this.subcontractor = subcontractor;
    this.language = newLanguage;
    this.currency = newCurrency;
    this.commissionedOn = terms.commissionedOn();
    this.periodStart = terms.periodStart();
    this.deliveryDate = terms.deliveryDate();
    this.placeOfDelivery = Texts.optional(terms.placeOfDelivery(), "placeOfDelivery", MAX_PLACE);
    this.reviewDays = days;
    this.paymentDueDate = terms.paymentDueDate();
    this.paymentMethod =
        Texts.optional(terms.paymentMethod(), "paymentMethod", MAX_PAYMENT_METHOD);
    if (status != WorkOrderStatus.DRAFT) {
      termsState = TermsState.PROPOSED;
      reconsider(null);
    }
  }

  /** The payment due date may be at most 60 days after the delivery date, and not before it. */
  private static void checkPaymentDate(LocalDate delivery, LocalDate payment) {
    if (delivery == null || payment == null) {
      return;
    }
    if (payment.isBefore(delivery)) {
      throw DomainException.at("paymentDueDate", "error.workOrder.paymentBeforeDelivery");
    }
    if (payment.isAfter(delivery.plusDays(MAX_PAYMENT_DAYS))) {
      throw DomainException.at(
          "paymentDueDate", "error.workOrder.paymentTooLate", MAX_PAYMENT_DAYS);
    }
  }

  /**
   * The Freelance Act's required terms that are still missing, as message keys; empty when the
   * order may be sent. The parties' names come from the accounts and are always present.
   */
  public List<String> missingTerms() {
    List<String> missing = new ArrayList<>();
    if (subcontractor == null) {
      missing.add("terms.subcontractor");
    }
    if (commissionedOn == null) {
      missing.add("terms.commissionedOn");
    }
    List<ScopeLine> counted = countedLines();
    if (counted.isEmpty()) {
      missing.add("terms.lines");
    } else if (counted.stream().anyMatch(l -> l.getContent().getDeliverable() == null)) {
      missing.add("terms.deliverable");
    }
    if (deliveryDate == null) {
      missing.add("terms.deliveryDate");
    }
    if (placeOfDelivery == null) {
      missing.add("terms.placeOfDelivery");
    }
    if (!counted.isEmpty() && !totals().subtotal().isPositive()) {
      missing.add("terms.fee");
    }
    if (paymentDueDate == null) {
      missing.add("terms.paymentDueDate");
    }
    if (paymentMethod == null) {
      missing.add("terms.paymentMethod");
    }
    return missing;
  }

  /** Sends the draft to the subcontractor; refused, with what is missing, until complete. */
  void send(Instant now) {
    require(OrderAction.SEND, Party.AGENCY);
    List<String> missing = missingTerms();
    if (!missing.isEmpty()) {
      throw new MissingTermsException(missing);
    }
    checkPaymentDate(deliveryDate, paymentDueDate);
    status = WorkOrderStatus.NEGOTIATING;
    sentAt = now;
  }

  /** The subcontractor accepts the current terms. */
  void acceptTerms(Party by, Instant now) {
    require(OrderAction.ACCEPT_TERMS, by);
    if (termsState == TermsState.ACCEPTED) {
      throw new DomainException("error.workOrder.termsAlreadyAccepted");
    }
    termsState = TermsState.ACCEPTED;
    reconsider(now);
  }

  /** Adds a line proposed by one side; in a draft only the agency writes lines. */
  ScopeLine addLine(LineContent content, Party by) {
    require(OrderAction.EDIT_LINES, by);
    int next = lines.stream().mapToInt(ScopeLine::getSortOrder).max().orElse(0) + 1;
    ScopeLine line = new ScopeLine(this, next, content, by);
    lines.add(line);
    reconsider(null);
    return line;
  }

  ScopeLine.Action editLine(ScopeLine line, LineContent content, Party by) {
    require(OrderAction.EDIT_LINES, by);
    ScopeLine.Action action = line.edit(content, by);
    reconsider(null);
    return action;
  }

  ScopeLine.Action acceptLine(ScopeLine line, Party by, Instant now) {
    require(OrderAction.ANSWER_LINES, by);
    ScopeLine.Action action = line.accept(by);
    reconsider(now);
    return action;
  }

  /**
   * Drops a line: in a draft the agency simply deletes it (returns null); once sent, either side
   * proposes the removal and the other side answers.
   */
  ScopeLine.Action removeLine(ScopeLine line, Party by) {
    require(OrderAction.EDIT_LINES, by);
    if (status == WorkOrderStatus.DRAFT) {
      lines.remove(line);
      return null;
    }
    ScopeLine.Action action = line.proposeRemoval(by);
    reconsider(null);
    return action;
  }

  ScopeLine.Action keepLine(ScopeLine line, Party by) {
    require(OrderAction.ANSWER_LINES, by);
    ScopeLine.Action action = line.keep(by);
    reconsider(null);
    return action;
  }

  /** Moves a line one place up or down; the order of lines is not negotiated. */
  void moveLine(ScopeLine line, int direction, Party by) {
    require(OrderAction.EDIT_LINES, by);
    if (by != Party.AGENCY) {
      throw new DomainException("error.delivery.agencyOnly");
    }
    int index = lines.indexOf(line);
    int target = index + Integer.signum(direction);
    if (target < 0 || target >= lines.size()) {
      return;
    }
    ScopeLine other = lines.get(target);
    int order = line.getSortOrder();
    line.moveTo(other.getSortOrder());
    other.moveTo(order);
    lines.set(target, line);
    lines.set(index, other);
  }

  /** What the side may do now, by the {@link Lifecycle} table. */
  public java.util.Set<OrderAction> allowedActions(Party party) {
    return Lifecycle.allowed(status, amendmentPending, party);
  }

  /** Whether the side may do the action now. */
  public boolean allows(OrderAction action, Party party) {
    return allowedActions(party).contains(action);
  }

  /**
   * Refuses the action unless the table allows it to the side now: the refusal names the reason
   * and what the side may do instead. Nothing has changed when it throws.
   */
  public void require(OrderAction action, Party party) {
    if (!allows(action, party)) {
      throw new ActionRefusedException(
          Lifecycle.refusal(action, status, amendmentPending, party), allowedActions(party));
    }
  }

  /** AGREED when the terms and every remaining line are accepted; NEGOTIATING otherwise. */
  private void reconsider(Instant now) {
    if (status == WorkOrderStatus.DRAFT) {
      return;
    }
    List<ScopeLine> counted = countedLines();
    boolean agreed =
        termsState == TermsState.ACCEPTED
            && !counted.isEmpty()
            && counted.stream().allMatch(l -> l.getState() == LineState.ACCEPTED);
    if (agreed && status != WorkOrderStatus.AGREED && now != null) {
      status = WorkOrderStatus.AGREED;
      agreedAt = now;
    } else if (!agreed) {
      status = WorkOrderStatus.NEGOTIATING;
      agreedAt = null;
    }
  }

  /**
   * A version's signatures are complete: the first version makes the order SIGNED (from now on
   * only change requests alter it); an amendment's lets work and payment go on.
   */
  public void markSigned(Instant now) {
    if (amendmentPending) {
      amendmentPending = false;
      return;
    }
    if (status != WorkOrderStatus.AGREED) {
      throw new DomainException("error.agreement.notAgreed");
    }
    status = WorkOrderStatus.SIGNED;
    signedAt = now;
  }

  /**
   * Applies an accepted change request to a signed order: new lines agreed as they are, changed
   * lines' new content, removed lines, and a moved delivery date (the payment due date moves by
   * as many days, so the gap both agreed stays). The order stays where it is, with the amendment
   * awaiting both signatures; each line keeps its id through every amendment.
   *
   * @param by the side that accepted the change
   * @return the lines added, in order
   */
  List<ScopeLine> applyChange(AcceptedChange change, Party by) {
    require(OrderAction.CHANGE, by);
    for (AcceptedChange.Modified m : change.modified()) {
      line(m.lineId()).amend(m.content());
    }
    for (long removed : change.removed()) {
      line(removed).removeByAmendment();
    }
    List<ScopeLine> added = new ArrayList<>();
    int next = lines.stream().mapToInt(ScopeLine::getSortOrder).max().orElse(0) + 1;
    for (LineContent content : change.added()) {
      ScopeLine line = ScopeLine.agreedByAmendment(this, next++, content, change.proposedBy());
      lines.add(line);
      added.add(line);
    }
    if (change.newDeliveryDate() != null && !change.newDeliveryDate().equals(deliveryDate)) {
      long shift =
          java.time.temporal.ChronoUnit.DAYS.between(deliveryDate, change.newDeliveryDate());
      deliveryDate = change.newDeliveryDate();
      if (paymentDueDate != null) {
        paymentDueDate = paymentDueDate.plusDays(shift);
      }
    }
    amendmentPending = true;
    endingAgreed = change.endsOrder();
    return added;
  }

  private ScopeLine line(long lineId) {
    return lines.stream()
        .filter(l -> l.getId() == lineId)
        .findFirst()
        .orElseThrow(() -> new DomainException("error.change.lineNotFound", lineId));
  }

  /** The escrow is funded: work may start. */
  public void markFunded(Party by, Instant now) {
    require(OrderAction.FUND, by);
    status = WorkOrderStatus.FUNDED;
    fundedAt = now;
  }

  /** The subcontractor records that work started; refused before funding. */
  public void markStarted(Party by, Instant now) {
    require(OrderAction.START, by);
    if (startedAt == null) {
      startedAt = now;
    }
  }

  /** Delivered; refused before funding, and while a delivery is under review. */
  public void markDelivered(Party by, Instant now) {
    require(OrderAction.DELIVER, by);
    status = WorkOrderStatus.DELIVERED;
    deliveredAt = now;
    if (startedAt == null) {
      startedAt = now;
    }
  }

  /**
   * The delivery under review was accepted, by the agency or deemed on silence (the portal acts
   * on the agency's side). When every line is now accepted the order is PAID; otherwise it goes
   * back to FUNDED for the rest.
   */
  public void markReviewed(Party by, boolean everyLineAccepted, Instant now) {
    require(OrderAction.REVIEW, by);
    acceptedAt = now;
    deliveredAt = null;
    if (everyLineAccepted) {
      status = WorkOrderStatus.PAID;
      paidAt = now;
    } else {
      status = WorkOrderStatus.FUNDED;
    }
  }

  /** The delivery was rejected: back to work, still funded. */
  public void reopenForRework(Party by) {
    require(OrderAction.REVIEW, by);
    status = WorkOrderStatus.FUNDED;
    deliveredAt = null;
  }

  /**
   * Whether the engagement runs six months or more (from the start of the period, or the date of
   * commission, to delivery): ending it after funding then needs 30 days' notice (Freelance Act,
   * Article 16).
   */
  public boolean isLongEngagement() {
    LocalDate from = periodStart != null ? periodStart : commissionedOn;
    return from != null && deliveryDate != null && !from.plusMonths(6).isAfter(deliveryDate);
  }

  /** Records the agency's notice of termination given on a day; the first notice counts. */
  public void giveTerminationNotice(Party by, LocalDate on) {
    require(OrderAction.TERMINATE, by);
    if (terminationNoticeOn == null) {
      terminationNoticeOn = on;
    }
  }

  /**
   * The first day the agency may demand performance (催告): the delivery date plus the policy's
   * grace days, passed.
   */
  public LocalDate demandPossibleFrom(int graceDays) {
    return deliveryDate == null ? null : deliveryDate.plusDays(graceDays + 1L);
  }

  /** Whether a demand may be sent today: the grace has passed and no demand's deadline runs. */
  public boolean demandOpen(LocalDate today, int graceDays) {
    LocalDate from = demandPossibleFrom(graceDays);
    return from != null && !today.isBefore(from) && !demandRuns(today);
  }

  private boolean demandRuns(LocalDate today) {
    return demandDeadline != null && !today.isAfter(demandDeadline);
  }

  /**
   * The agency demands that the overdue lines be delivered within the given days. Refused before
   * the due date plus grace days has passed, and while an earlier demand's deadline runs.
   */
  public void demand(Party by, LocalDate today, int graceDays, int demandDays, Instant now) {
    require(OrderAction.DEMAND, by);
    LocalDate from = demandPossibleFrom(graceDays);
    if (from == null || today.isBefore(from)) {
      throw new DomainException("error.demand.tooEarly", String.valueOf(from));
    }
    if (demandRuns(today)) {
      throw new DomainException("error.demand.pending", demandDeadline.toString());
    }
    demandSentAt = now;
    demandDeadline = today.plusDays(demandDays);
  }

  /**
   * Ends the order, as the table allows the side: before funding a plain cancellation; after
   * funding the agency's termination, the subcontractor's withdrawal, or the agency's ending for
   * non-performance once a demand's deadline has passed with nothing delivered since.
   */
  public void end(Ending how, Party by, Instant now, LocalDate today, String reason) {
    requireEnding(how, by, today);
    status = WorkOrderStatus.CANCELLED;
    amendmentPending = false;
    endingAgreed = false;
    endedBy = how;
    cancelledAt = now;
    cancelReason = reason;
  }

  /**
   * Both signed an amendment that cancels the rest of the order: the order ends by agreement (the
   * caller settles the escrow as the quote priced it).
   */
  public void endByAgreement(Instant now, String reason) {
    if (!endingAgreed || amendmentPending || !status.isUnderContract()) {
      throw new IllegalStateException("No signed amendment ends the order " + number);
    }
    status = WorkOrderStatus.CANCELLED;
    endingAgreed = false;
    endedBy = Ending.MUTUAL;
    cancelledAt = now;
    cancelReason = reason;
  }

  /**
   * Refuses ending the order this way now: the table's refusal, or for non-performance a demand
   * whose deadline has not passed. Callers settling money first ask before anything moves.
   */
  public void requireEnding(Ending how, Party by, LocalDate today) {
    if (how == Ending.MUTUAL) {
      throw new IllegalArgumentException("An agreed ending comes from a signed amendment");
    }
    require(how.action(), by);
    if (how == Ending.NON_PERFORMANCE && (demandDeadline == null || demandRuns(today))) {
      throw new DomainException(
          "error.demand.deadlineRuns", demandDeadline == null ? "-" : demandDeadline.toString());
    }
  }

  /** How one side may end the order now: cancel before funding, terminate or withdraw after. */
  public Ending endingFor(Party party) {
    if (status == WorkOrderStatus.FUNDED || status == WorkOrderStatus.DELIVERED) {
      return party == Party.AGENCY ? Ending.TERMINATED : Ending.WITHDRAWN;
    }
    return Ending.CANCELLED;
  }

  /** Whether the given side has something to answer: terms or lines. */
  public boolean awaits(Party side) {
    if (status != WorkOrderStatus.NEGOTIATING) {
      return false;
    }
    return (side == Party.SUBCONTRACTOR && termsState == TermsState.PROPOSED)
        || lines.stream().anyMatch(l -> l.awaits(side));
  }

  /** The lines that count towards the scope and the fee: all but removed ones. */
  public List<ScopeLine> countedLines() {
    return lines.stream().filter(ScopeLine::counts).toList();
  }

  public Totals totals() {
    return Totals.of(countedLines().stream().map(ScopeLine::getContent).toList(), currencyUnit());
  }

  public Currency currencyUnit() {
    return Currency.getInstance(currency);
  }

  /** The inspection is complete at the latest this many days after delivery. */
  public LocalDate inspectionDeadline() {
    return deliveryDate == null ? null : deliveryDate.plusDays(reviewDays);
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public UserAccount getSubcontractor() {
    return subcontractor;
  }

  public String getLanguage() {
    return language;
  }

  public String getCurrency() {
    return currency;
  }

  public LocalDate getCommissionedOn() {
    return commissionedOn;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getDeliveryDate() {
    return deliveryDate;
  }

  public String getPlaceOfDelivery() {
    return placeOfDelivery;
  }

  public int getReviewDays() {
    return reviewDays;
  }

  public LocalDate getPaymentDueDate() {
    return paymentDueDate;
  }

  public String getPaymentMethod() {
    return paymentMethod;
  }

  public WorkOrderStatus getStatus() {
    return status;
  }

  public TermsState getTermsState() {
    return termsState;
  }

  /** The agency staff member who created the order, its agency-side contact. */
  public long getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Instant getAgreedAt() {
    return agreedAt;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Instant getFundedAt() {
    return fundedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public LocalDate getTerminationNoticeOn() {
    return terminationNoticeOn;
  }

  /** Whether the amendment awaiting signatures, once signed, ends the order by agreement. */
  public boolean isEndingAgreed() {
    return endingAgreed;
  }

  /** Whether an accepted change awaits both signatures on its amendment. */
  public boolean isAmendmentPending() {
    return amendmentPending;
  }

  /** How a cancelled order ended; null while it runs. */
  public Ending getEndedBy() {
    return endedBy;
  }

  public Instant getDemandSentAt() {
    return demandSentAt;
  }

  public LocalDate getDemandDeadline() {
    return demandDeadline;
  }

  public List<ScopeLine> getLines() {
    return lines;
  }

  public long getVersion() {
    return version;
  }
}
