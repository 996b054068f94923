package jp.ishibashi.workorder;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ishibashi.account.Engagement;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.ConflictException;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Tenancy;

/**
 * The work order use cases, for pages and the REST API alike. Every call names the actor; the
 * order is looked up in the actor's agency and checked against the actor's side: agency staff
 * see their agency's orders, a subcontractor only the sent orders addressed to it. Anything else
 * is a 404. Changes carry the version the caller saw, so a stale edit is a conflict, never an
 * overwrite; every change appends an audit event.
 */
@Stateless
public class WorkOrders {

  static final String SUBJECT = "WorkOrder";

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private Event<OrderChanged> changed;
  @Inject private Event<NegotiationEvent> negotiation;

  public WorkOrder create(Actor actor, Terms terms) {
    requireAgency(actor);
    EntityManager em = tenancy.em(actor);
    LocalDate today = today();
    WorkOrder order = new WorkOrder(nextNumber(em, today.getYear()), actor.userId(), clock.now());
    order.revise(terms, subcontractor(em, terms.subcontractorId()), today);
    em.persist(order);
    flush(em);
    audit.record(actor, "WORK_ORDER_CREATED", SUBJECT, order.getId(), order.getNumber());
    return order;
  }

  public WorkOrder reviseTerms(Actor actor, long orderId, long version, Terms terms) {
    requireAgency(actor);
    EntityManager em = tenancy.em(actor);
    WorkOrder order = current(lockForChange(em, actor, orderId), version);
    order.revise(terms, subcontractor(em, terms.subcontractorId()), today());
    flush(em);
    audit.record(actor, "TERMS_REVISED", SUBJECT, orderId, order.getTitle());
    changed.fire(new OrderChanged(actor, order));
    return order;
  }

  /** Sends the draft; refused with the list of missing required terms. */
  public WorkOrder send(Actor actor, long orderId, long version) {
    requireAgency(actor);
    EntityManager em = tenancy.em(actor);
    WorkOrder order = current(lockForChange(em, actor, orderId), version);
    order.send(clock.now());
    flush(em);
    audit.record(actor, "WORK_ORDER_SENT", SUBJECT, orderId, order.getNumber());
    negotiation.fire(
        new NegotiationEvent(actor, order, Party.AGENCY, NegotiationEvent.Type.SENT, 0));
    return order;
  }

  public WorkOrder acceptTerms(Actor actor, long orderId, long version) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = current(lockForChange(em, actor, orderId), version);
    order.acceptTerms(partyOf(actor, order), clock.now());
    flush(em);
    audit.record(actor, "TERMS_ACCEPTED", SUBJECT, orderId, status(order));
    changed.fire(new OrderChanged(actor, order));
    return order;
  }

  public ScopeLine addLine(Actor actor, long orderId, LineInput input) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = lockForChange(em, actor, orderId);
    Party party = partyOf(actor, order);
    ScopeLine line = order.addLine(content(input, order), party);
    em.persist(line);
    flush(em);
    revision(em, actor, line, ScopeLine.Action.PROPOSED, party);
    audit.record(actor, "LINE_PROPOSED", SUBJECT, orderId, describe(line) + status(order));
    changed.fire(new OrderChanged(actor, order));
    return line;
  }

  public ScopeLine editLine(Actor actor, long orderId, long lineId, long version, LineInput input) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = lockForChange(em, actor, orderId);
    Party party = partyOf(actor, order);
    ScopeLine line = line(order, lineId, version);
    LineContent before = line.getContent();
    ScopeLine.Action action = order.editLine(line, content(input, order), party);
    flush(em);
    revision(em, actor, line, action, party);
    audit.record(
        actor,
        "LINE_" + action,
        SUBJECT,
        orderId,
        describe(line) + " " + line.getContent().changedFrom(before) + status(order));
    if (action == ScopeLine.Action.COUNTERED) {
      negotiation.fire(
          new NegotiationEvent(
              actor,
              order,
              party,
              NegotiationEvent.Type.LINE_COUNTERED,
              order.getLines().indexOf(line) + 1));
    }
    changed.fire(new OrderChanged(actor, order));
    return line;
  }

  public ScopeLine acceptLine(Actor actor, long orderId, long lineId, long version) {
    return answerLine(
        actor, orderId, lineId, version, (order, line, party) -> order.acceptLine(line, party, clock.now()));
  }

  /** Deletes a draft's line, or proposes removing a line of a sent order. */
  public void removeLine(Actor actor, long orderId, long lineId, long version) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = lockForChange(em, actor, orderId);
    Party party = partyOf(actor, order);
    ScopeLine line = line(order, lineId, version);
    String described = describe(line);
    order.require(OrderAction.EDIT_LINES, party);
    if (order.getStatus() == WorkOrderStatus.DRAFT) {
      // A draft's line goes with its history. The history goes first: it refers to the line,
      // and once the order lets go of the line, the next flush (which the bulk delete would
      // trigger) deletes the line.
      em.createQuery("delete from LineRevision r where r.lineId = :line")
          .setParameter("line", lineId)
          .executeUpdate();
    }
    ScopeLine.Action action = order.removeLine(line, party);
    if (action == null) {
      em.remove(line);
      flush(em);
      audit.record(actor, "LINE_DELETED", SUBJECT, orderId, described);
      return;
    }
    flush(em);
    revision(em, actor, line, action, party);
    audit.record(actor, "LINE_" + action, SUBJECT, orderId, described + status(order));
    changed.fire(new OrderChanged(actor, order));
  }

  /** Refuses a proposed removal: the line stays, proposed again by the refusing side. */
  public ScopeLine keepLine(Actor actor, long orderId, long lineId, long version) {
    return answerLine(actor, orderId, lineId, version, WorkOrder::keepLine);
  }

  /** One side's answer to a line, applied by the order. */
  @FunctionalInterface
  private interface Answer {
    ScopeLine.Action apply(WorkOrder order, ScopeLine line, Party party);
  }

  /** Applies an answer to a line, then records it in the line's history and the audit trail. */
  private ScopeLine answerLine(Actor actor, long orderId, long lineId, long version, Answer answer) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = lockForChange(em, actor, orderId);
    Party party = partyOf(actor, order);
    ScopeLine line = line(order, lineId, version);
    ScopeLine.Action action = answer.apply(order, line, party);
    flush(em);
    revision(em, actor, line, action, party);
    audit.record(actor, "LINE_" + action, SUBJECT, orderId, describe(line) + status(order));
    changed.fire(new OrderChanged(actor, order));
    return line;
  }

  public void moveLine(Actor actor, long orderId, long lineId, int direction) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = lockForChange(em, actor, orderId);
    ScopeLine line =
        order.getLines().stream()
            .filter(l -> l.getId() == lineId)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    order.moveLine(line, direction, partyOf(actor, order));
    flush(em);
    changed.fire(new OrderChanged(actor, order));
  }

  /**
   * Applies an accepted change request to a signed order that the caller found and locked in
   * this transaction: the lines change as the change says, each with an AMENDED revision.
   */
  public void applyChange(Actor actor, WorkOrder order, AcceptedChange change) {
    Party party = partyOf(actor, order);
    EntityManager em = tenancy.em(actor);
    List<ScopeLine> added = order.applyChange(change, party);
    added.forEach(em::persist);
    flush(em);
    java.util.Set<Long> touched = new java.util.HashSet<>(change.removed());
    change.modified().forEach(m -> touched.add(m.lineId()));
    added.forEach(l -> touched.add(l.getId()));
    for (ScopeLine line : order.getLines()) {
      if (touched.contains(line.getId())) {
        revision(em, actor, line, ScopeLine.Action.AMENDED, party);
      }
    }
  }

  /**
   * The order, the viewer's side and its allowed actions, and every line's history, in a fixed
   * number of queries.
   */
  public WorkOrderView view(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = find(em, actor, orderId);
    Party party = partyOf(actor, order);
    order.getLines().size();
    Map<Long, List<LineRevision>> history =
        em
            .createQuery(
                "select r from LineRevision r where r.workOrderId = :order order by r.at, r.id",
                LineRevision.class)
            .setParameter("order", orderId)
            .getResultStream()
            .collect(
                Collectors.groupingBy(
                    LineRevision::getLineId, LinkedHashMap::new, Collectors.toList()));
    String agencyName = em.find(Agency.class, actor.tenantId()).getName();
    return new WorkOrderView(order, party, agencyName, history);
  }

  /** One page of the orders the actor may see, with the search's filters and sort. */
  public List<WorkOrder> search(Actor actor, WorkOrderSearch search, int first, int max) {
    return query(actor, search, "select o from WorkOrder o left join fetch o.subcontractor", WorkOrder.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count(Actor actor, WorkOrderSearch search) {
    return query(actor, search, "select count(o) from WorkOrder o", Long.class).getSingleResult();
  }

  /** The subcontractors an order may be addressed to: the agency's active engagements. */
  public List<UserAccount> engagedSubcontractors(Actor actor) {
    requireAgency(actor);
    return tenancy
        .em(actor)
        .createQuery(
            "select e.subcontractor from Engagement e where e.endedAt is null"
                + " order by e.subcontractor.displayName",
            UserAccount.class)
        .getResultList();
  }

  private <T> TypedQuery<T> query(Actor actor, WorkOrderSearch search, String select, Class<T> type) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (actor.isSubcontractor()) {
      where.append(" and o.subcontractor.id = :me and o.status <> :draft");
    } else {
      requireAgency(actor);
    }
    if (search.status() != null) {
      where.append(" and o.status = :status");
    }
    if (search.subcontractorId() != null) {
      where.append(" and o.subcontractor.id = :sub");
    }
    boolean counting = type == Long.class;
    TypedQuery<T> query =
        tenancy
            .em(actor)
            .createQuery(select + where + (counting ? "" : search.orderByClause()), type);
    if (actor.isSubcontractor()) {
      query.setParameter("me", actor.userId()).setParameter("draft", WorkOrderStatus.DRAFT);
    }
    if (search.status() != null) {
      query.setParameter("status", search.status());
    }
    if (search.subcontractorId() != null) {
      query.setParameter("sub", search.subcontractorId());
    }
    return query;
  }

  /** The order, if the actor may see it: its agency's staff, or its subcontractor once sent. */
  private WorkOrder find(EntityManager em, Actor actor, long orderId) {
    WorkOrder order = require(em, orderId, false);
    partyOf(actor, order);
    return order;
  }

  /**
   * The order, like {@link #find}, and locked until the transaction ends. Changes to one order
   * thus run one after the other, each deciding on what the previous one committed: two sides
   * answering the last open items at the same moment must still agree the order, which two
   * transactions that each saw the other's item still open would not.
   */
  private WorkOrder lockForChange(EntityManager em, Actor actor, long orderId) {
    WorkOrder order = require(em, orderId, true);
    partyOf(actor, order);
    return order;
  }

  /**
   * The order with this id in the entity manager's tenant, optionally locked until the
   * transaction ends; a 404 when there is none. Every service finds an order through this one
   * method, then checks the caller's side with {@link #partyOf}.
   */
  public static WorkOrder require(EntityManager em, long orderId, boolean lock) {
    WorkOrder order =
        lock
            ? em.find(WorkOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE)
            : em.find(WorkOrder.class, orderId);
    if (order == null) {
      throw new NotFoundException();
    }
    return order;
  }

  /**
   * The actor's side of the order; a 404 for anyone who is not a party to it. The portal itself
   * (deemed acceptance, deadlines) acts on the agency's side, in the order's own agency.
   */
  public static Party partyOf(Actor actor, WorkOrder order) {
    if (actor.isAgencyMember() || actor.isSystem()) {
      return Party.AGENCY;
    }
    if (actor.isSubcontractor()
        && order.getSubcontractor() != null
        && order.getSubcontractor().getId() == actor.userId()
        && order.getStatus() != WorkOrderStatus.DRAFT) {
      return Party.SUBCONTRACTOR;
    }
    throw new NotFoundException();
  }

  private static WorkOrder current(WorkOrder order, long version) {
    if (order.getVersion() != version) {
      throw new ConflictException();
    }
    return order;
  }

  private static ScopeLine line(WorkOrder order, long lineId, long version) {
    ScopeLine line =
        order.getLines().stream()
            .filter(l -> l.getId() == lineId)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    if (line.getVersion() != version) {
      throw new ConflictException();
    }
    return line;
  }

  private UserAccount subcontractor(EntityManager em, Long subcontractorId) {
    if (subcontractorId == null) {
      return null;
    }
    return em
        .createQuery(
            "select e from Engagement e join fetch e.subcontractor"
                + " where e.subcontractor.id = :id and e.endedAt is null",
            Engagement.class)
        .setParameter("id", subcontractorId)
        .getResultStream()
        .findFirst()
        .map(Engagement::getSubcontractor)
        .orElseThrow(() -> DomainException.at("subcontractor", "error.workOrder.notEngaged"));
  }

  private String nextNumber(EntityManager em, int year) {
    WorkOrderCounter counter =
        em
            .createQuery(
                "select c from WorkOrderCounter c where c.year = :year", WorkOrderCounter.class)
            .setParameter("year", year)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  WorkOrderCounter created = new WorkOrderCounter(year);
                  em.persist(created);
                  return created;
                });
    return counter.next();
  }

  private void revision(
      EntityManager em, Actor actor, ScopeLine line, ScopeLine.Action action, Party party) {
    String name = em.find(UserAccount.class, actor.userId()).getDisplayName();
    em.persist(new LineRevision(line, action, party, actor.userId(), name, clock.now()));
  }

  private static LineContent content(LineInput input, WorkOrder order) {
    if (input == null) {
      throw DomainException.at("text", "error.field.required");
    }
    return LineContent.of(
        input.text(),
        input.deliverable(),
        input.acceptanceCriteria(),
        input.quantity(),
        input.unit(),
        input.unitPrice(),
        order.currencyUnit());
  }

  /** Writes pending changes now, so that a concurrent change surfaces as a conflict. */
  private static void flush(EntityManager em) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConflictException();
    }
  }

  private static void requireAgency(Actor actor) {
    if (!actor.isAgencyMember()) {
      throw new NotFoundException();
    }
  }

  private static String describe(ScopeLine line) {
    return "line " + line.getId() + " (" + line.getContent().getText() + ")";
  }

  private static String status(WorkOrder order) {
    return "; order " + order.getStatus();
  }

  private LocalDate today() {
    return clock.today();
  }
}
