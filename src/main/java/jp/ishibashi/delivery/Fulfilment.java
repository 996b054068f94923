package jp.ishibashi.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.deadline.DeadlineDue;
import jp.ishibashi.deadline.Deadlines;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.notification.NotificationKind;
import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * From signature to payment: the agency funds the escrow (仮払い), the subcontractor starts and
 * delivers (納品), the agency accepts or rejects the delivery (検収), and the escrow is released.
 * Until the escrow holds the agreed total, the portal refuses to record a start or a delivery.
 *
 * <p>A delivery's review period is a {@link Deadlines deadline} row: when it passes in silence,
 * the poller claims it once across all nodes and {@link #deemAccepted} accepts the delivery and
 * releases the escrow (みなし検収). Locks are taken in the poller's order — the deadline, then the
 * order — so an answer racing the deadline never deadlocks with it.
 */
@Stateless
public class Fulfilment {

  /** The deadline kind of a delivery's review period. */
  public static final String REVIEW = "delivery.review";

  /** The deadline kind of the reminder two days before a review period ends. */
  public static final String REVIEW_REMINDER = "delivery.reviewReminder";

  static final java.time.Duration REMINDER_BEFORE = java.time.Duration.ofDays(2);

  static final String SUBJECT = "WorkOrder";
  public static final int MAX_REFERENCE = 100;

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private EscrowLedger escrow;
  @Inject private Deadlines deadlines;
  @Inject private OrderNotices notices;

  @Inject
  @ConfigProperty(name = "portal.delivery.attachment-max-mb")
  private int attachmentMaxMegabytes;

  private long attachmentMaxBytes;

  @jakarta.annotation.PostConstruct
  void limits() {
    attachmentMaxBytes = attachmentMaxMegabytes * 1024L * 1024L;
  }

  /** The largest file a delivery accepts, in bytes. */
  public long attachmentMaxBytes() {
    return attachmentMaxBytes;
  }

  /** The agency funds the escrow with the agreed total; work may then start. */
  public WorkOrder fund(Actor actor, long orderId, String reference) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    requireSide(actor, order, Party.AGENCY);
    String ref = Texts.required(reference, "reference", MAX_REFERENCE);
    order.markFunded(clock.now());
    em.flush();
    escrow.fund(actor, orderId, order.totals().total(), ref);
    notices.to(actor, order, Party.SUBCONTRACTOR, NotificationKind.FUNDED);
    return order;
  }

  /**
   * The agency funds what an amendment added (追加仮払い): the agreed total less what the escrow
   * holds and has paid out for accepted lines. Refused when nothing is due.
   */
  public Ledger fundExtra(Actor actor, long orderId, String reference) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    requireSide(actor, order, Party.AGENCY);
    String ref = Texts.required(reference, "reference", MAX_REFERENCE);
    Money due = extraDue(actor, order);
    if (!due.isPositive()) {
      throw new DomainException("error.funding.nothingDue");
    }
    return escrow.fund(actor, orderId, due, ref);
  }

  /** What the escrow must still receive before the order may be delivered. */
  public Money extraDue(Actor actor, WorkOrder order) {
    if (order.getStatus() != WorkOrderStatus.FUNDED
        && order.getStatus() != WorkOrderStatus.DELIVERED) {
      return Money.zero(order.currencyUnit());
    }
    Ledger ledger = escrow.ledger(actor, order.getId());
    // What the agreed total still lacks: paid out for accepted lines counts as funded.
    Money due = order.totals().total().minus(ledger.held()).minus(ledger.released());
    return due.isPositive() ? due : Money.zero(order.currencyUnit());
  }

  /** The subcontractor records that work started; refused until the escrow is funded. */
  public WorkOrder start(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    requireSide(actor, order, Party.SUBCONTRACTOR);
    order.markStarted(clock.now());
    em.flush();
    audit.record(actor, "WORK_STARTED", SUBJECT, orderId, order.getNumber());
    return order;
  }

  /**
   * The subcontractor delivers the order: the receipt date is today, the review period starts,
   * and the payment falls due on the agreed date, at the latest 60 days after receipt. Refused
   * before funding, while an amendment's extra escrow is missing, and while a delivery is under
   * review.
   */
  public Delivery deliver(Actor actor, long orderId, String note) {
    return deliver(actor, orderId, note, List.of(), null);
  }

  /**
   * Delivers with files, the whole order or chosen lines (their numbers in the agreement; null or
   * empty: every line not yet accepted). Each file is checked (size, type) before anything is
   * saved, and stored with the delivery.
   */
  public Delivery deliver(
      Actor actor, long orderId, String note, List<Upload> uploads, List<Integer> lines) {
    uploads.forEach(u -> u.check(attachmentMaxBytes));
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    requireSide(actor, order, Party.SUBCONTRACTOR);
    Instant now = clock.now();
    Instant reviewEnds = now.plus(Duration.ofDays(order.getReviewDays()));
    if (order.getStatus() == WorkOrderStatus.FUNDED) {
      // The deadline first, then the order: the poller's lock order.
      deadlines.schedule(actor, REVIEW, orderId, reviewEnds);
      Instant reminder = reviewEnds.minus(REMINDER_BEFORE);
      if (reminder.isAfter(now)) {
        deadlines.schedule(actor, REVIEW_REMINDER, orderId, reminder);
      }
    }
    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order);
    if (order.getStatus() == WorkOrderStatus.FUNDED && extraDue(actor, order).isPositive()) {
      throw new DomainException("error.delivery.extraEscrow");
    }
    List<Delivery> earlier = deliveries(em, orderId);
    List<Integer> covered = deliverable(order, acceptedLines(earlier), lines);
    order.markDelivered(now);
    Delivery delivery =
        new Delivery(
            orderId,
            earlier.size() + 1,
            actor.userId(),
            now,
            clock.today(),
            reviewEnds,
            order.getPaymentDueDate(),
            note,
            covered);
    em.persist(delivery);
    em.flush();
    for (Upload upload : uploads) {
      em.persist(new Attachment(delivery.getId(), orderId, upload, now));
    }
    em.flush();
    audit.record(
        actor,
        "DELIVERED",
        SUBJECT,
        orderId,
        "delivery "
            + delivery.getNumber()
            + " received "
            + delivery.getReceivedOn()
            + "; review ends "
            + reviewEnds
            + "; payment due "
            + delivery.getPaymentDueOn()
            + (uploads.isEmpty()
                ? ""
                : "; files " + String.join(", ", uploads.stream().map(Upload::fileName).toList())));
    notices.to(actor, order, Party.AGENCY, NotificationKind.DELIVERED);
    return delivery;
  }

  /** The agency accepts the delivery: the escrow is released and the order is PAID. */
  public WorkOrder accept(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    requireSide(actor, order, Party.AGENCY);
    deadlines.cancel(actor, REVIEW, orderId);
    deadlines.cancel(actor, REVIEW_REMINDER, orderId);
    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order);
    Delivery delivery = open(em, orderId);
    delivery.accept(actor.userId(), clock.now(), false);
    em.flush();
    audit.record(
        actor,
        "DELIVERY_ACCEPTED",
        SUBJECT,
        orderId,
        "delivery " + delivery.getNumber() + ", lines " + delivery.getDeliveredLines());
    settle(actor, em, order, delivery, "accepted");
    return order;
  }

  /**
   * The agency rejects the delivery with a reason tied to lines (their numbers in the current
   * agreement): back to FUNDED for rework. Rejections are counted on the order.
   */
  public WorkOrder reject(Actor actor, long orderId, String reason, List<Integer> lines) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    requireSide(actor, order, Party.AGENCY);
    deadlines.cancel(actor, REVIEW, orderId);
    deadlines.cancel(actor, REVIEW_REMINDER, orderId);
    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order);
    Delivery delivery = open(em, orderId);
    int lineCount = order.countedLines().size();
    if (lines != null
        && lines.stream().anyMatch(n -> n == null || n < 1 || n > lineCount)) {
      throw DomainException.at("lines", "error.delivery.unknownLine");
    }
    String numbers =
        lines == null
            ? null
            : String.join(", ", lines.stream().distinct().sorted().map(String::valueOf).toList());
    delivery.reject(actor.userId(), clock.now(), reason, numbers);
    order.reopenForRework();
    em.flush();
    audit.record(
        actor,
        "DELIVERY_REJECTED",
        SUBJECT,
        orderId,
        "delivery " + delivery.getNumber() + ", lines " + numbers + ": " + delivery.getRejectionReason());
    return order;
  }

  /**
   * The review period of a delivery passed in silence: the delivery is deemed accepted and the
   * escrow released, by the portal itself. Called once per deadline, in the transaction that
   * claimed it; a delivery no longer under review is left as it is.
   */
  public void deemAccepted(DeadlineDue due) {
    Actor portal = Actor.system(due.tenantId());
    EntityManager em = tenancy.em(portal);
    WorkOrder order = em.find(WorkOrder.class, due.subjectId(), LockModeType.PESSIMISTIC_WRITE);
    if (order == null || order.getStatus() != WorkOrderStatus.DELIVERED) {
      return;
    }
    Delivery delivery = open(em, order.getId());
    delivery.accept(Actor.SYSTEM_USER_ID, clock.now(), true);
    em.flush();
    audit.record(
        portal,
        "DELIVERY_DEEMED_ACCEPTED",
        SUBJECT,
        order.getId(),
        "delivery "
            + delivery.getNumber()
            + ": the review period ended "
            + delivery.getReviewEndsAt()
            + " without an answer");
    settle(portal, em, order, delivery, "deemed accepted");
    notices.toBoth(portal, order, NotificationKind.DEEMED_ACCEPTED);
  }

  /** Two days before a review period ends without an answer: the agency is reminded. */
  public void remindReview(DeadlineDue due) {
    Actor portal = Actor.system(due.tenantId());
    EntityManager em = tenancy.em(portal);
    WorkOrder order = em.find(WorkOrder.class, due.subjectId());
    if (order == null || order.getStatus() != WorkOrderStatus.DELIVERED) {
      return;
    }
    Delivery delivery = open(em, order.getId());
    notices.to(
        portal,
        order,
        Party.AGENCY,
        NotificationKind.REVIEW_ENDS_SOON,
        java.time.LocalDate.ofInstant(delivery.getReviewEndsAt(), clock.zone()).toString());
  }

  /** A delivered file's name and size, without its bytes. */
  public record AttachmentInfo(long id, long deliveryId, String fileName, long byteCount) {}

  /** The files delivered with the order's deliveries; for either party. */
  public List<AttachmentInfo> attachments(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    List<Object[]> rows =
        em.createQuery(
                "select a.id, a.deliveryId, a.fileName, a.byteCount from Attachment a"
                    + " where a.workOrderId = :order order by a.id",
                Object[].class)
            .setParameter("order", orderId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new AttachmentInfo(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    ((Number) r[3]).longValue()))
        .toList();
  }

  /** One delivered file, for a party of its order; 404 for anyone else. */
  public Attachment attachment(Actor actor, long orderId, long attachmentId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    Attachment attachment = em.find(Attachment.class, attachmentId);
    if (attachment == null || attachment.getWorkOrderId() != orderId) {
      throw new jp.ishibashi.shared.NotFoundException();
    }
    return attachment;
  }

  /** The order's deliveries, newest first; for either party. */
  public List<Delivery> deliveries(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return deliveries(em, orderId);
  }

  /**
   * Pays for an accepted delivery: when every line is now accepted, everything the escrow holds
   * and the order is PAID; otherwise the accepted lines' amounts with their consumption tax, and
   * the order goes back to FUNDED for the rest.
   */
  private void settle(
      Actor actor, EntityManager em, WorkOrder order, Delivery delivery, String why) {
    Set<Integer> accepted = acceptedLines(em, order.getId());
    int lineCount = order.countedLines().size();
    if (accepted.size() >= lineCount) {
      order.markAccepted(clock.now());
      escrow.releaseAll(actor, order.getId(), "delivery " + why);
      order.markPaid(clock.now());
    } else {
      List<ScopeLine> counted = order.countedLines();
      Money subtotal = Money.zero(order.currencyUnit());
      for (int number : delivery.lines()) {
        subtotal = subtotal.plus(counted.get(number - 1).getContent().amount(order.currencyUnit()));
      }
      Money pay = subtotal.plus(subtotal.times(Totals.CONSUMPTION_TAX_RATE, RoundingMode.DOWN));
      Money held = escrow.ledger(actor, order.getId()).held();
      order.partlyAccepted();
      if (pay.isPositive()) {
        escrow.release(
            actor,
            order.getId(),
            pay.compareTo(held) > 0 ? held : pay,
            "delivery " + delivery.getNumber() + " " + why + ", lines " + delivery.getDeliveredLines());
      }
    }
    em.flush();
  }

  /** The agreement's line numbers accepted so far, for a party of the order. */
  public Set<Integer> acceptedLines(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return acceptedLines(em, orderId);
  }

  /** The agreement's line numbers some accepted delivery covered. */
  private static Set<Integer> acceptedLines(EntityManager em, long orderId) {
    return acceptedLines(deliveries(em, orderId));
  }

  private static Set<Integer> acceptedLines(List<Delivery> deliveries) {
    Set<Integer> accepted = new TreeSet<>();
    for (Delivery d : deliveries) {
      if (d.isAccepted()) {
        accepted.addAll(d.lines());
      }
    }
    return accepted;
  }

  /**
   * The lines a new delivery covers: the ones named, or every line not yet accepted; refused for
   * a line that does not exist or was accepted already.
   */
  private static List<Integer> deliverable(
      WorkOrder order, Set<Integer> accepted, List<Integer> lines) {
    int lineCount = order.countedLines().size();
    if (lines == null || lines.isEmpty()) {
      List<Integer> rest = new ArrayList<>();
      for (int n = 1; n <= lineCount; n++) {
        if (!accepted.contains(n)) {
          rest.add(n);
        }
      }
      return rest;
    }
    Set<Integer> chosen = new TreeSet<>();
    for (Integer n : lines) {
      if (n == null || n < 1 || n > lineCount) {
        throw DomainException.at("lines", "error.delivery.unknownLine");
      }
      if (accepted.contains(n)) {
        throw DomainException.at("lines", "error.delivery.lineAccepted", n);
      }
      chosen.add(n);
    }
    return List.copyOf(chosen);
  }

  private static List<Delivery> deliveries(EntityManager em, long orderId) {
    return em.createQuery(
            "select d from Delivery d where d.workOrderId = :order order by d.number desc",
            Delivery.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  private static Delivery open(EntityManager em, long orderId) {
    Optional<Delivery> open =
        deliveries(em, orderId).stream()
            .filter(d -> d.getState() == Delivery.State.SUBMITTED)
            .findFirst();
    return open.orElseThrow(() -> new DomainException("error.delivery.nothingToReview"));
  }

  private static void requireSide(Actor actor, WorkOrder order, Party side) {
    if (WorkOrders.partyOf(actor, order) != side) {
      throw new DomainException(
          side == Party.AGENCY ? "error.delivery.agencyOnly" : "error.delivery.subcontractorOnly");
    }
  }


}
