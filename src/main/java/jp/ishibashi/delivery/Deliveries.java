package jp.ishibashi.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.deadline.DeadlineDue;
import jp.ishibashi.deadline.Deadlines;
import jp.ishibashi.notification.NotificationKind;
import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.settlement.Settlement;
import jp.ishibashi.settlement.Settlements;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivery and review: the subcontractor starts and delivers (納品) the whole order or chosen
 * lines, by their ids; the agency accepts or rejects the delivery (検収), and the accepted lines
 * are paid through {@link Settlements}. Until the escrow holds the agreed total ({@link Funding}),
 * the portal refuses to record a start or a delivery.
 *
 * <p>A delivery's review period is a {@link Deadlines deadline} row: when it passes in silence,
 * the poller claims it once across all nodes and {@link #deemAccepted} accepts the delivery and
 * releases the escrow (みなし検収). Locks are taken in the poller's order — the deadline, then the
 * order — so an answer racing the deadline never deadlocks with it.
 */
@Stateless
public class Deliveries {

  /** The deadline kind of a delivery's review period. */
  public static final String REVIEW = "delivery.review";

  /** The deadline kind of the reminder two days before a review period ends. */
  public static final String REVIEW_REMINDER = "delivery.reviewReminder";

  static final java.time.Duration REMINDER_BEFORE = java.time.Duration.ofDays(2);

  static final String SUBJECT = "WorkOrder";

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private Funding funding;
  @Inject private Settlements settlements;
  @Inject private Deadlines deadlines;
  @Inject private OrderNotices notices;

  @Inject
  @ConfigProperty(name = "portal.delivery.attachment-max-mb")
  private int attachmentMaxMegabytes;

  @Inject
  @ConfigProperty(name = "portal.delivery.max-files")
  private int maxFiles;

  private long attachmentMaxBytes;

  @jakarta.annotation.PostConstruct
  void limits() {
    attachmentMaxBytes = attachmentMaxMegabytes * 1024L * 1024L;
  }

  /** The largest file a delivery accepts, in bytes. */
  public long attachmentMaxBytes() {
    return attachmentMaxBytes;
  }

  /** The most files one delivery takes. */
  public int maxFiles() {
    return maxFiles;
  }

  /** Refuses more files than a delivery takes, before any of them is read. */
  public void checkFileCount(int count) {
    if (count > maxFiles) {
      throw DomainException.at("attachments", "error.attachment.tooMany", count, maxFiles);
    }
  }

  /** The subcontractor records that work started; refused until the escrow is funded. */
  public WorkOrder start(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    order.markStarted(WorkOrders.partyOf(actor, order), clock.now());
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
   * Delivers with files, the whole order or chosen lines (their ids; null or empty: every line not
   * yet accepted). The files (their number, each one's size and type) are checked before anything
   * is saved, and streamed into the database with the delivery.
   */
  public Delivery deliver(
      Actor actor, long orderId, String note, List<Upload> uploads, List<Long> lines) {
    checkFileCount(uploads.size());
    uploads.forEach(u -> u.check(attachmentMaxBytes));
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.DELIVER, party);
    // The order first: two deliveries of one order queue here, and the second, once the first has
    // committed, is refused by the lifecycle (409) instead of colliding on the review deadline's
    // unique key. Here, unlike the poller's order, this cannot deadlock: a deliverable order has no
    // pending review deadline that a poller could hold while it waits for the order.
    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order);
    order.require(OrderAction.DELIVER, party);
    // At the database's precision (microseconds), so that the delivery's review end and its
    // deadline's due time are the same instant once stored: with nanoseconds the deadline kept the
    // time cut down and the JDBC driver rounded the delivery's, a microsecond apart half the time.
    Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
    Instant reviewEnds = now.plus(Duration.ofDays(order.getReviewDays()));
    deadlines.schedule(actor, REVIEW, orderId, reviewEnds);
    Instant reminder = reviewEnds.minus(REMINDER_BEFORE);
    if (reminder.isAfter(now)) {
      deadlines.schedule(actor, REVIEW_REMINDER, orderId, reminder);
    }
    if (funding.extraDue(actor, order).isPositive()) {
      throw new DomainException("error.delivery.extraEscrow");
    }
    List<Long> covered =
        Settlement.deliverable(settlements.lines(actor, order, Set.of()), lines);
    List<Delivery> earlier = deliveries(em, orderId);
    order.markDelivered(party, now);
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
      Attachment attachment = new Attachment(delivery.getId(), orderId, upload, now);
      em.persist(attachment);
      em.flush();
      storeContent(em, attachment.getId(), upload);
    }
    audit.record(
        actor,
        "DELIVERED",
        SUBJECT,
        orderId,
        "delivery "
            + delivery.getNumber()
            + " of lines "
            + delivery.lineIds()
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

  /**
   * The agency accepts the delivery: its lines are paid, and when they were the last the order is
   * PAID; otherwise it goes back to FUNDED for the rest.
   */
  public WorkOrder accept(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    Party party = WorkOrders.partyOf(actor, order);
    Delivery delivery = underReview(actor, em, order, party);
    delivery.accept(actor.userId(), clock.now(), false);
    em.flush();
    audit.record(
        actor,
        "DELIVERY_ACCEPTED",
        SUBJECT,
        orderId,
        "delivery " + delivery.getNumber() + ", lines " + delivery.lineIds());
    settle(actor, em, order, party, delivery, "accepted");
    return order;
  }

  /**
   * The agency rejects the delivery with a reason tied to the delivered lines at fault (their
   * ids): back to FUNDED for rework. Rejections are counted on the order.
   */
  public WorkOrder reject(Actor actor, long orderId, String reason, List<Long> lines) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    Party party = WorkOrders.partyOf(actor, order);
    Delivery delivery = underReview(actor, em, order, party);
    delivery.reject(actor.userId(), clock.now(), reason, lines == null ? List.of() : lines);
    order.reopenForRework(party);
    em.flush();
    audit.record(
        actor,
        "DELIVERY_REJECTED",
        SUBJECT,
        orderId,
        "delivery "
            + delivery.getNumber()
            + ", lines "
            + delivery.faultyLineIds()
            + ": "
            + delivery.getRejectionReason());
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
    settle(portal, em, order, Party.AGENCY, delivery, "deemed accepted");
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

  /**
   * Copies a delivered file's content to {@code out} as a stream, for a party of its order; 404
   * for anyone else.
   */
  public void copyContent(Actor actor, long orderId, long attachmentId, OutputStream out)
      throws IOException {
    Attachment attachment = attachment(actor, orderId, attachmentId);
    EntityManager em = tenancy.em(actor);
    try (PreparedStatement select =
        connection(em)
            .prepareStatement(
                "select content from delivery_attachment where id = ? and tenant_id = ?")) {
      select.setLong(1, attachment.getId());
      select.setLong(2, actor.tenantId());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new jp.ishibashi.shared.NotFoundException();
        }
        try (InputStream content = row.getBinaryStream(1)) {
          content.transferTo(out);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("A delivered file could not be read", e);
    }
  }

  /**
   * Streams an upload's temporary file into its row, over the transaction's own connection (so
   * the row EclipseLink just inserted is visible and both commit or roll back together).
   */
  private static void storeContent(EntityManager em, long attachmentId, Upload upload) {
    try (PreparedStatement update =
            connection(em)
                .prepareStatement("update delivery_attachment set content = ? where id = ?");
        InputStream content = upload.open()) {
      update.setBinaryStream(1, content, upload.size());
      update.setLong(2, attachmentId);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("The attachment row " + attachmentId + " was not found");
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("A delivered file could not be stored", e);
    }
  }

  /** The JDBC connection of the current transaction, the one EclipseLink writes with. */
  private static Connection connection(EntityManager em) {
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("No transaction, so no connection to stream with");
    }
    return connection;
  }

  /** The order's deliveries, newest first; for either party. */
  public List<Delivery> deliveries(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return deliveries(em, orderId);
  }

  /**
   * The delivery the side may now accept or reject, with the order locked: the review's deadlines
   * are cancelled first, then the order is locked and checked again — the poller's lock order, so
   * an answer racing the deemed acceptance never deadlocks with it.
   */
  private Delivery underReview(Actor actor, EntityManager em, WorkOrder order, Party party) {
    order.require(OrderAction.REVIEW, party);
    deadlines.cancel(actor, REVIEW, order.getId());
    deadlines.cancel(actor, REVIEW_REMINDER, order.getId());
    em.lock(order, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order);
    order.require(OrderAction.REVIEW, party);
    return open(em, order.getId());
  }

  /** Pays the accepted delivery's lines; the order is PAID when they were the last. */
  private void settle(
      Actor actor,
      EntityManager em,
      WorkOrder order,
      Party party,
      Delivery delivery,
      String why) {
    boolean everyLine =
        settlements.payAccepted(
            actor,
            order,
            delivery.lineIds(),
            delivery.getId(),
            "delivery " + delivery.getNumber() + " " + why);
    order.markReviewed(party, everyLine, clock.now());
    em.flush();
    settlements.verify(actor, order);
  }

  /** The ids of the lines in the delivery under review, if any. */
  static Set<Long> underReview(EntityManager em, long orderId) {
    return deliveries(em, orderId).stream()
        .filter(d -> d.getState() == Delivery.State.SUBMITTED)
        .flatMap(d -> d.lineIds().stream())
        .collect(java.util.stream.Collectors.toSet());
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




}
