package jp.ishibashi.change;

import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.notification.NotificationKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.change.pricing.AgreedLine;
import jp.ishibashi.change.pricing.AgreedScope;
import jp.ishibashi.change.pricing.PricingInput;
import jp.ishibashi.change.pricing.PricingService;
import jp.ishibashi.change.pricing.Progress;
import jp.ishibashi.change.pricing.Quote;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.policy.AgencyPricing;
import jp.ishibashi.change.policy.PricingPolicies;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.AcceptedChange;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.WorkOrders;
import jp.ishibashi.settlement.Settlements;

/**
 * The change request use cases, for pages and the REST API alike. A change is priced by the
 * {@link PricingService} against the order's current signed agreement before anyone may accept
 * it; the quote is stored with it and never recomputed. Acceptance applies the change to the
 * order and freezes the amended agreement (version N+1, chained to version N by its hash), which
 * both parties then sign like the first.
 *
 * <p>Every call locks the order, so two acceptances of one quote make exactly one amendment.
 */
@Stateless
public class ChangeRequests {

  static final String SUBJECT = "WorkOrder";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private PricingService pricing;
  @Inject private Agreements agreements;
  @Inject private WorkOrders workOrders;
  @Inject private PricingPolicies policies;
  @Inject private OrderNotices notices;
  @Inject private Settlements settlements;

  /** The quote a proposal would get now, without saving anything: the live preview. */
  public QuoteSnapshot preview(Actor actor, long orderId, ChangeProposal proposal) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    order.require(OrderAction.CHANGE, WorkOrders.partyOf(actor, order));
    return QuoteSnapshot.of(price(actor, order, currentSigned(em, order), proposal));
  }

  /** Proposes a change: priced now, open for the other party until the quote expires. */
  public ChangeRequest propose(Actor actor, long orderId, ChangeProposal proposal) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.CHANGE, party);
    ChangeRequest request = priced(actor, em, order, party, proposal, null);
    audit.record(actor, "CHANGE_PROPOSED", SUBJECT, orderId, describe(request));
    notices.toOtherSide(actor, order, party, NotificationKind.CHANGE_PRICED, request.reference());
    return request;
  }

  /**
   * The other party answers an open request with its own proposal — for example the extension
   * instead of the rush surcharge. The original is COUNTERED; the counter is a new request.
   */
  public ChangeRequest counter(
      Actor actor, long orderId, long requestId, ChangeProposal proposal) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.CHANGE, party);
    ChangeRequest original = request(em, orderId, requestId);
    original.requireAnswerable(party, clock.now());
    ChangeRequest counter = priced(actor, em, order, party, proposal, original.getId());
    original.counter(party, actor.userId(), clock.now());
    em.flush();
    audit.record(
        actor,
        "CHANGE_COUNTERED",
        SUBJECT,
        orderId,
        original.reference() + " answered with " + describe(counter));
    notices.toOtherSide(actor, order, party, NotificationKind.CHANGE_PRICED, counter.reference());
    return counter;
  }

  /**
   * The other party accepts the quote as priced: the order changes and the amended agreement is
   * frozen for both to sign. Refused when the quote expired, or when the agreement it priced is
   * no longer the current one.
   */
  public ChangeRequest accept(Actor actor, long orderId, long requestId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.CHANGE, party);
    ChangeRequest request = request(em, orderId, requestId);
    Instant now = clock.now();
    request.requireAnswerable(party, now);
    Agreement current = Agreements.currentSigned(em, orderId);
    if (current.getId() != request.getAgreementId()) {
      throw new DomainException("error.change.stale");
    }
    QuoteSnapshot quote = quoteOf(request);
    ChangeProposal proposal = proposalOf(request);
    AgreementContent base = current.content();
    java.util.Set<Long> accepted = settlements.acceptedLines(actor, orderId);
    requireOpenLines(base, proposal, accepted);
    workOrders.applyChange(
        actor, order, acceptedChange(order, base, proposal, quote, request, accepted));
    Agreement amendment =
        agreements.amend(actor, order, amendment(request, quote, order.getLanguage()));
    request.accepted(actor.userId(), now, amendment.getId());
    em.flush();
    audit.record(
        actor,
        "CHANGE_ACCEPTED",
        SUBJECT,
        orderId,
        request.reference()
            + " accepted; agreement version "
            + amendment.getVersionNumber()
            + " frozen for signing");
    notices.toOtherSide(actor, order, party, NotificationKind.CHANGE_ACCEPTED, request.reference());
    return request;
  }

  public ChangeRequest reject(Actor actor, long orderId, long requestId, String reason) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.CHANGE, party);
    ChangeRequest request = request(em, orderId, requestId);
    request.reject(party, actor.userId(), reason, clock.now());
    em.flush();
    audit.record(
        actor,
        "CHANGE_REJECTED",
        SUBJECT,
        orderId,
        request.reference() + " rejected: " + request.getDecisionReason());
    return request;
  }

  public ChangeRequest withdraw(Actor actor, long orderId, long requestId) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.CHANGE, party);
    ChangeRequest request = request(em, orderId, requestId);
    request.withdraw(party, actor.userId(), clock.now());
    em.flush();
    audit.record(actor, "CHANGE_WITHDRAWN", SUBJECT, orderId, request.reference() + " withdrawn");
    return request;
  }

  /** The order's change requests, newest first; for either party. */
  public List<ChangeRequest> ofOrder(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return em.createQuery(
            "select c from ChangeRequest c where c.workOrderId = :order order by c.number desc",
            ChangeRequest.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  /** The order's change requests with their proposals and quotes, newest first, in one query. */
  public List<PricedChange> pricedOfOrder(Actor actor, long orderId) {
    return ofOrder(actor, orderId).stream()
        .map(r -> new PricedChange(r, proposalOf(r), quoteOf(r)))
        .toList();
  }

  /** One change request of the order, with its quote and proposal; 404 for anyone else. */
  public PricedChange get(Actor actor, long orderId, long requestId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    ChangeRequest request = request(em, orderId, requestId);
    return new PricedChange(request, proposalOf(request), quoteOf(request));
  }

  /** A change request with its proposal and quote read back. */
  public record PricedChange(ChangeRequest request, ChangeProposal proposal, QuoteSnapshot quote) {}

  // ---------------------------------------------------------------------------------------------

  private ChangeRequest priced(
      Actor actor,
      EntityManager em,
      WorkOrder order,
      Party party,
      ChangeProposal proposal,
      Long counterOf) {
    Agreement base = currentSigned(em, order);
    Quote quote = price(actor, order, base, proposal);
    requireOpenLines(base.content(), proposal, settlements.acceptedLines(actor, order.getId()));
    Instant now = clock.now();
    int next =
        em.createQuery(
                    "select coalesce(max(c.number), 0) from ChangeRequest c"
                        + " where c.workOrderId = :order",
                    Integer.class)
                .setParameter("order", order.getId())
                .getSingleResult()
            + 1;
    ChangeRequest request =
        new ChangeRequest(
            order.getId(),
            next,
            base.getId(),
            base.getVersionNumber(),
            party,
            actor.userId(),
            proposal.reason().strip(),
            JSON.toJson(proposal),
            JSON.toJson(QuoteSnapshot.of(quote)),
            order.getCurrency(),
            quote.totals().total().minor(),
            quote.totals().payable().minor(),
            now,
            now.plus(Duration.ofDays(policies.forAgency(actor).quoteValidDays())),
            counterOf);
    em.persist(request);
    em.flush();
    return request;
  }

  private Quote price(Actor actor, WorkOrder order, Agreement base, ChangeProposal proposal) {
    Currency currency = order.currencyUnit();
    java.util.Set<Long> accepted = settlements.acceptedLines(actor, order.getId());
    Progress others = order.getStartedAt() == null ? Progress.NOT_STARTED : Progress.IN_PROGRESS;
    AgreedScope scope =
        scopeOf(
            base.content(),
            currency,
            l -> accepted.contains(l.lineId()) ? Progress.DELIVERED : others,
            java.util.Set.of());
    AgencyPricing agency = policies.forAgency(actor);
    // Withholding is computed for yen only; an individual paid in another currency is not taxed here.
    boolean withholding =
        "JPY".equals(order.getCurrency())
            && order.getSubcontractor() != null
            && policies.withholdingApplies(order.getSubcontractor().getId());
    return pricing.price(
        new PricingInput(
            scope,
            proposal.toPricing(currency),
            clock.today(),
            agency.policy(),
            agency.rateCard(),
            withholding));
  }

  /**
   * A signed agreement's lines as the pricing core sees them, all at one stage of progress, due
   * on the agreement's delivery date.
   */
  public static AgreedScope scopeOf(AgreementContent content, Currency currency, Progress progress) {
    return scopeOf(content, currency, l -> progress, java.util.Set.of());
  }

  /**
   * The same, each line at its own stage of progress, and the lines in {@code settled} (their
   * ids) — accepted and paid already — left out as removed.
   */
  public static AgreedScope scopeOf(
      AgreementContent content,
      Currency currency,
      java.util.function.Function<AgreementContent.Line, Progress> progress,
      java.util.Set<Long> settled) {
    List<AgreedLine> lines =
        content.lines().stream()
            .map(
                l ->
                    new AgreedLine(
                        l.number(),
                        l.text(),
                        l.quantity(),
                        Unit.valueOf(l.unit()),
                        new Money(l.unitPrice(), currency),
                        null,
                        progress.apply(l),
                        settled.contains(l.lineId())))
            .toList();
    return new AgreedScope(lines, content.deliveryDate(), currency);
  }

  /** The signed version a change is priced against; the lifecycle refuses pending amendments. */
  private static Agreement currentSigned(EntityManager em, WorkOrder order) {
    return Agreements.currentSigned(em, order.getId());
  }

  /**
   * Refuses a change that modifies or removes an accepted line: it is paid, and stays as it was
   * accepted (the Freelance Act forbids reducing a fee after the fact).
   */
  private static void requireOpenLines(
      AgreementContent base, ChangeProposal proposal, java.util.Set<Long> accepted) {
    for (ChangeProposal.ChangeEdit e : proposal.edits()) {
      if (e.type() != null && e.type().namesLine() && e.line() != null) {
        base.lines().stream()
            .filter(l -> l.number() == e.line() && accepted.contains(l.lineId()))
            .findFirst()
            .ifPresent(
                l -> {
                  throw new DomainException("error.change.lineAccepted", l.number());
                });
      }
    }
  }

  /**
   * What the accepted change does to the order: the proposal's edits, plus a lump-sum line for
   * the rush surcharge and one per kill fee, so that the amended order's total is the agreed
   * total plus the quote.
   */
  private static AcceptedChange acceptedChange(
      WorkOrder order,
      AgreementContent base,
      ChangeProposal proposal,
      QuoteSnapshot quote,
      ChangeRequest request,
      java.util.Set<Long> accepted) {
    Currency currency = order.currencyUnit();
    Map<Integer, AgreementContent.Line> byNumber =
        base.lines().stream().collect(Collectors.toMap(AgreementContent.Line::number, l -> l));
    List<LineContent> added = new ArrayList<>();
    List<AcceptedChange.Modified> modified = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    java.time.LocalDate newDate = null;
    for (ChangeProposal.ChangeEdit e : proposal.edits()) {
      switch (e.type()) {
        case ADD_LINE ->
            added.add(
                LineContent.of(
                    e.text(),
                    e.deliverable(),
                    e.acceptanceCriteria(),
                    e.quantity(),
                    Unit.valueOf(e.unit()),
                    e.unitPrice(),
                    currency));
        case MODIFY_LINE -> {
          AgreementContent.Line line = byNumber.get(e.line());
          ScopeLine scopeLine = lineOf(order, line.lineId());
          LineContent now = scopeLine.getContent();
          modified.add(
              new AcceptedChange.Modified(
                  line.lineId(),
                  LineContent.of(
                      e.text() == null || e.text().isBlank() ? now.getText() : e.text(),
                      now.getDeliverable(),
                      e.acceptanceCriteria() == null || e.acceptanceCriteria().isBlank()
                          ? now.getAcceptanceCriteria()
                          : e.acceptanceCriteria(),
                      e.quantity() == null ? now.getQuantity() : e.quantity(),
                      now.getUnit(),
                      e.unitPrice() == null
                          ? now.unitPrice(currency).amount()
                          : e.unitPrice(),
                      currency)));
        }
        case REMOVE_LINE -> removed.add(byNumber.get(e.line()).lineId());
        case MOVE_DUE_DATE -> newDate = e.newDueDate();
        case CANCEL_REMAINING ->
            base.lines().stream()
                .filter(l -> !accepted.contains(l.lineId()))
                .forEach(l -> removed.add(l.lineId()));
      }
    }
    boolean japanese = "ja".equals(order.getLanguage());
    for (QuoteSnapshot.Item item : quote.breakdown()) {
      BigDecimal amount = new BigDecimal(item.amount());
      if (amount.signum() <= 0) {
        continue;
      }
      if (item.kind().equals("RUSH_SURCHARGE") || item.kind().equals("KILL_FEE")) {
        String text = item.description();
        added.add(
            LineContent.of(
                (item.kind().equals("RUSH_SURCHARGE")
                        ? (japanese ? "特急料金" : "Rush surcharge")
                        : (japanese ? "中途解約料" : "Kill fee"))
                    + " (" + request.reference() + ")"
                    + (text == null ? "" : ": " + text),
                null,
                null,
                BigDecimal.ONE,
                Unit.LUMP_SUM,
                amount,
                currency));
      }
    }
    boolean endsOrder =
        proposal.edits().stream().anyMatch(e -> e.type() == EditType.CANCEL_REMAINING);
    return new AcceptedChange(request.getProposedBy(), added, modified, removed, newDate, endsOrder);
  }

  private static ScopeLine lineOf(WorkOrder order, long lineId) {
    return order.getLines().stream()
        .filter(l -> l.getId() == lineId)
        .findFirst()
        .orElseThrow(() -> new DomainException("error.change.lineNotFound", lineId));
  }

  /** The amendment the agreement records: the change, its reason and its quote. */
  private static AgreementContent.Amendment amendment(
      ChangeRequest request, QuoteSnapshot quote, String language) {
    boolean japanese = "ja".equals(language);
    return new AgreementContent.Amendment(
        request.reference(),
        request.getProposedBy().name(),
        quote.requestedOn(),
        request.getReason(),
        quote.dueDate(),
        quote.newDueDate(),
        quote.breakdown().stream()
            .map(
                i ->
                    new AgreementContent.Amendment.Item(
                        i.kind(),
                        i.lineRef(),
                        i.description(),
                        new BigDecimal(i.amount()),
                        japanese ? i.explanationJa() : i.explanationEn()))
            .toList(),
        new BigDecimal(quote.totals().subtotal()),
        new BigDecimal(quote.totals().tax()),
        new BigDecimal(quote.totals().total()),
        new BigDecimal(quote.totals().withholding()),
        new BigDecimal(quote.totals().payable()),
        quote.explanation(language));
  }

  static QuoteSnapshot quoteOf(ChangeRequest request) {
    return JSON.fromJson(request.quoteJson(), QuoteSnapshot.class);
  }

  static ChangeProposal proposalOf(ChangeRequest request) {
    return JSON.fromJson(request.proposalJson(), ChangeProposal.class);
  }


  private static ChangeRequest request(EntityManager em, long orderId, long requestId) {
    ChangeRequest request = em.find(ChangeRequest.class, requestId);
    if (request == null || request.getWorkOrderId() != orderId) {
      throw new NotFoundException();
    }
    return request;
  }

  private static String describe(ChangeRequest request) {
    return request.reference()
        + " by the "
        + request.getProposedBy()
        + " on agreement version "
        + request.getAgreementVersion()
        + ": "
        + request.getReason();
  }
}
