package jp.ishibashi.escrow;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;

/**
 * The escrow use cases: funding, release, refund, and the ledger of a work order. Every money
 * effect is one {@link Movement} appended to the order's {@link Ledger}, and one audit event.
 *
 * <p>Callers decide whether the order's state and the actor's side allow the effect (funding after
 * signing, release on acceptance, and so on); this service checks the money: the amount, its
 * currency (the order's) and that escrow never pays out more than it holds, refusing with the
 * {@link Ledger} keys. An order of another agency, or none, is a {@link NotFoundException}.
 *
 * <p>Each movement locks the order's {@link LedgerHead} until the transaction ends and reads the
 * ledger after taking the lock, so two releases of the whole escrow, on any nodes, run one after
 * the other and the second finds nothing left. The first movement of an order creates the head; two
 * first movements at the same moment end in one {@link ConflictException}.
 */
@Stateless
public class EscrowLedger {

  static final String SUBJECT = "WorkOrder";

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private FundingPort funding;

  /**
   * The agency deposits {@code amount} through the {@link FundingPort}, which is asked only once
   * the deposit passed the ledger's checks; the provider's reference is recorded.
   */
  public Ledger fund(Actor actor, long workOrderId, Money amount, String reference) {
    return append(
        actor,
        workOrderId,
        "ESCROW_FUNDED",
        (ledger, now) -> {
          ledger.fund(amount, reference, now);
          String confirmed = funding.deposit(workOrderId, amount, reference).providerReference();
          return ledger.fund(amount, confirmed, now);
        });
  }

  /** Pays {@code amount} of the escrow to the subcontractor: all on acceptance, or a kill fee. */
  public Ledger release(Actor actor, long workOrderId, Money amount, String reason) {
    return append(
        actor,
        workOrderId,
        "ESCROW_RELEASED",
        (ledger, now) -> ledger.release(amount, reason, now));
  }

  /** Pays everything the escrow holds to the subcontractor: on acceptance, deemed or not. */
  public Ledger releaseAll(Actor actor, long workOrderId, String reason) {
    return append(
        actor,
        workOrderId,
        "ESCROW_RELEASED",
        (ledger, now) -> ledger.release(ledger.held(), reason, now));
  }

  /** Gives {@code amount} of the escrow back to the agency. */
  public Ledger refund(Actor actor, long workOrderId, Money amount, String reason) {
    return append(
        actor, workOrderId, "ESCROW_REFUNDED", (ledger, now) -> ledger.refund(amount, reason, now));
  }

  /** The order's ledger, for its agency and, once sent, its subcontractor. */
  public Ledger ledger(Actor actor, long workOrderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = order(em, workOrderId);
    WorkOrders.partyOf(actor, order);
    return read(em, order);
  }

  private Ledger append(
      Actor actor, long workOrderId, String action, BiFunction<Ledger, Instant, Ledger> step) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = order(em, workOrderId);
    LedgerHead head = lockHead(em, workOrderId);
    Ledger after = step.apply(read(em, order), clock.now().truncatedTo(ChronoUnit.MICROS));
    Movement movement = after.lastMovement();
    StoredMovement stored = new StoredMovement(workOrderId, head.next(), movement, actor.userId());
    em.persist(stored);
    em.flush();
    for (Entry entry : movement.entries()) {
      em.persist(new StoredEntry(workOrderId, stored.getId(), entry));
    }
    em.flush();
    audit.record(actor, action, SUBJECT, workOrderId, describe(movement, after));
    return after;
  }

  private static WorkOrder order(EntityManager em, long workOrderId) {
    return WorkOrders.require(em, workOrderId, false);
  }

  /**
   * The order's ledger head, locked until the transaction ends; created with the first movement.
   */
  private static LedgerHead lockHead(EntityManager em, long workOrderId) {
    LedgerHead head = em.find(LedgerHead.class, workOrderId, LockModeType.PESSIMISTIC_WRITE);
    if (head != null) {
      return head;
    }
    head = new LedgerHead(workOrderId);
    em.persist(head);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException(); // another transaction created it first
    }
    return head;
  }

  /** The order's ledger as its stored movements replay it, in two queries. */
  private static Ledger read(EntityManager em, WorkOrder order) {
    Map<Long, List<Entry>> entries =
        em.createQuery(
                "select e from StoredEntry e where e.workOrderId = :order order by e.id",
                StoredEntry.class)
            .setParameter("order", order.getId())
            .getResultStream()
            .collect(
                Collectors.groupingBy(
                    StoredEntry::getMovementId,
                    Collectors.mapping(StoredEntry::toEntry, Collectors.toList())));
    List<Movement> movements =
        em.createQuery(
                "select m from StoredMovement m where m.workOrderId = :order order by m.seq",
                StoredMovement.class)
            .setParameter("order", order.getId())
            .getResultStream()
            .map(m -> m.toMovement(entries.getOrDefault(m.getId(), List.of())))
            .toList();
    return Ledger.replay(order.currencyUnit(), movements);
  }

  private static String describe(Movement movement, Ledger after) {
    return movement.kind()
        + " "
        + movement.amount()
        + " ("
        + movement.reference()
        + "); held "
        + after.held();
  }
}
