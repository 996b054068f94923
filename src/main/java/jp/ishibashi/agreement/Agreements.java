package jp.ishibashi.agreement;

import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.notification.NotificationKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.ishibashi.account.SignInService;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.pdf.SigningRecord;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RequestOrigin;
import jp.ishibashi.shared.BusinessDetails;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Agency;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.OrderChanged;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;

/**
 * The agreement use cases: freezing what was agreed, signing it, and downloading the signed PDF.
 *
 * <p>When a work order becomes AGREED, {@link #reconcile} freezes agreement version 1: the
 * canonical content and its hash. Either party signs first; each signature re-checks the
 * signer's password and records the consent. When the second party signs, the PDF is rendered
 * once, with the audit certificate of both signings, and digitally signed for each party in the
 * order they signed; the order is then SIGNED. A change to the order before that voids the
 * version and its signatures, and the agreed order is frozen again when it is agreed again.
 */
@Stateless
public class Agreements {

  static final String SUBJECT = "WorkOrder";

  @Inject private Tenancy tenancy;
  @Inject private jakarta.enterprise.event.Event<AgreementSealed> sealed;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private RequestOrigin origin;
  @Inject private SignInService signIn;
  @Inject private AgreementSealer sealer;
  @Inject private OrderNotices notices;

  /**
   * Brings the order's pending agreement in line with the order, inside the caller's
   * transaction: freezes one when the order is AGREED and none matches its content, and voids the
   * pending one when the order changed. Observes every work order change, in its transaction.
   */
  public void reconcile(@Observes OrderChanged changed) {
    reconcile(changed.actor(), changed.order());
  }

  private void reconcile(Actor actor, WorkOrder order) {
    EntityManager em = tenancy.em(actor);
    Optional<Agreement> pending = pending(em, order.getId());
    if (order.getStatus() == WorkOrderStatus.AGREED) {
      LocalDate agreedOn =
          LocalDate.ofInstant(
              order.getAgreedAt() == null ? clock.now() : order.getAgreedAt(), clock.zone());
      AgreementContent content = contentOf(em, actor, order, agreedOn, null);
      if (pending.isPresent() && pending.get().getContentHash().equals(content.hash())) {
        return;
      }
      pending.ifPresent(a -> voidVersion(actor, a));
      Agreement frozen = new Agreement(order.getId(), content, clock.now());
      em.persist(frozen);
      em.flush();
      audit.record(
          actor,
          "AGREEMENT_FROZEN",
          SUBJECT,
          order.getId(),
          "version " + frozen.getVersionNumber() + ", content hash " + frozen.getContentHash());
      notices.toBoth(actor, order, NotificationKind.SIGNATURE_NEEDED);
    } else {
      pending.ifPresent(a -> voidVersion(actor, a));
    }
  }

  /**
   * Freezes the next version of a signed order's agreement after an accepted change request, in
   * the caller's transaction: the order's current content with the amendment, chained to the
   * last signed version by its hash. Both parties then sign it as they signed the first.
   */
  public Agreement amend(Actor actor, WorkOrder order, AgreementContent.Amendment amendment) {
    WorkOrders.partyOf(actor, order);
    EntityManager em = tenancy.em(actor);
    AgreementContent content =
        contentOf(em, actor, order, LocalDate.ofInstant(clock.now(), clock.zone()), amendment);
    Agreement frozen = new Agreement(order.getId(), content, clock.now());
    em.persist(frozen);
    em.flush();
    audit.record(
        actor,
        "AGREEMENT_FROZEN",
        SUBJECT,
        order.getId(),
        "version "
            + frozen.getVersionNumber()
            + " amending the previous version with "
            + amendment.changeRequest()
            + ", content hash "
            + frozen.getContentHash());
    notices.toBoth(actor, order, NotificationKind.SIGNATURE_NEEDED);
    return frozen;
  }

  /** The order's agreement versions, newest first, with their signatures; for either party. */
  public List<Agreement> ofOrder(Actor actor, long orderId) {
    return versionsOf(actor, WorkOrders.require(tenancy.em(actor), orderId, false));
  }

  /**
   * The agreement versions of an order the caller has just loaded in this transaction, newest
   * first; the actor's party is checked again.
   */
  public List<Agreement> versionsOf(Actor actor, WorkOrder order) {
    WorkOrders.partyOf(actor, order);
    long orderId = order.getId();
    return tenancy
        .em(actor)
        .createQuery(
            "select distinct a from Agreement a left join fetch a.signatures"
                + " where a.workOrderId = :order",
            Agreement.class)
        .setParameter("order", orderId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(Agreement::getFrozenAt).thenComparing(Agreement::getId).reversed())
        .toList();
  }

  /** The statement the actor confirms by signing the agreement, in the page's language. */
  public String consentText(Actor actor, long orderId, long agreementId, Locale locale) {
    EntityManager em = tenancy.em(actor);
    Party party = WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    Agreement agreement = agreement(em, orderId, agreementId);
    String name = em.find(UserAccount.class, actor.userId()).getDisplayName();
    return ConsentText.of(locale, agreement, party, name);
  }

  /**
   * The actor signs the agreement version it was shown. Refused — with the refusal in the audit
   * trail — for a wrong password, a version that is void or was changed, a second signature by
   * the same side, and anyone who is not a party (404).
   *
   * @param shownHash the content hash the signer was shown and confirmed
   * @param locale the language the consent text was shown in
   */
  public Agreement sign(
      Actor actor,
      long orderId,
      long agreementId,
      String shownHash,
      String password,
      Locale locale) {
    EntityManager em = tenancy.em(actor);
    Agreement agreement;
    WorkOrder order;
    try {
      order = WorkOrders.require(em, orderId, true);
      Party party = WorkOrders.partyOf(actor, order);
      order.require(OrderAction.SIGN, party);
      agreement = agreement(em, orderId, agreementId);
      UserAccount me = em.find(UserAccount.class, actor.userId());
      reauthenticate(me, password);
      String consent = ConsentText.of(locale, agreement, party, me.getDisplayName());
      Signer signer =
          new Signer(
              party,
              me.getId(),
              me.getDisplayName(),
              organisation(agreement.content(), party),
              origin.ip(),
              origin.userAgent());
      agreement.sign(signer, shownHash, AgreementContent.sha256(consent), clock.now());
    } catch (DomainException refused) {
      // Nothing was recorded in this transaction yet; the refusal is kept in one of its own.
      audit.recordRefusal(
          actor,
          "SIGNATURE_REFUSED",
          SUBJECT,
          orderId,
          "agreement " + agreementId + ": " + refused.key());
      throw refused;
    }
    em.flush();
    AgreementSignature signature =
        agreement.getSignatures().get(agreement.getSignatures().size() - 1);
    audit.record(
        actor,
        "AGREEMENT_SIGNED",
        SUBJECT,
        orderId,
        "version "
            + agreement.getVersionNumber()
            + " by the "
            + signature.getParty()
            + ", content hash "
            + signature.getContentHash()
            + ", consent hash "
            + signature.getConsentHash()
            + ", ip "
            + signature.getIp());
    if (agreement.bothSigned()) {
      seal(actor, em, order, agreement);
    }
    return agreement;
  }

  /** A signed version's PDF, exactly as stored; 404 unless the actor is a party. */
  public SignedPdf document(Actor actor, long orderId, int versionNumber) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, false);
    WorkOrders.partyOf(actor, order);
    Agreement agreement =
        em.createQuery(
                "select a from Agreement a where a.workOrderId = :order"
                    + " and a.versionNumber = :version and a.state = :signed",
                Agreement.class)
            .setParameter("order", orderId)
            .setParameter("version", versionNumber)
            .setParameter("signed", Agreement.State.SIGNED)
            .getResultStream()
            .findFirst()
            .orElseThrow(NotFoundException::new);
    AgreementDocument document =
        em.createQuery(
                "select d from AgreementDocument d where d.agreementId = :agreement",
                AgreementDocument.class)
            .setParameter("agreement", agreement.getId())
            .getResultStream()
            .findFirst()
            .orElseThrow(NotFoundException::new);
    return new SignedPdf(
        order.getNumber(), versionNumber, agreement.content().title(), document.pdf());
  }

  /** Both signed: render once, sign for each party in the order they signed, store, done. */
  private void seal(Actor actor, EntityManager em, WorkOrder order, Agreement agreement) {
    Instant now = clock.now();
    List<SigningRecord> signings =
        agreement.getSignatures().stream()
            .sorted(Comparator.comparing(AgreementSignature::getSignedAt))
            .map(
                s ->
                    new SigningRecord(
                        s.getParty().name(),
                        s.getSignerName(),
                        s.getOrganisation(),
                        s.getSignedAt(),
                        s.getIp(),
                        s.getUserAgent(),
                        s.getContentHash(),
                        s.getConsentHash()))
            .toList();
    byte[] pdf = sealer.seal(agreement.content(), agreement.getContentHash(), signings);
    AgreementDocument document = new AgreementDocument(agreement.getId(), pdf, now);
    em.persist(document);
    agreement.sealed(now);
    order.markSigned(now);
    em.flush();
    audit.record(
        actor,
        "AGREEMENT_SEALED",
        SUBJECT,
        order.getId(),
        "version "
            + agreement.getVersionNumber()
            + "; signed PDF sha256 "
            + document.getSha256()
            + " ("
            + document.getByteCount()
            + " bytes); order "
            + order.getStatus());
    sealed.fire(new AgreementSealed(actor, order, agreement.getVersionNumber()));
  }

  private void voidVersion(Actor actor, Agreement agreement) {
    String signedBy =
        agreement.getSignatures().stream()
            .map(s -> s.getParty().name())
            .reduce((a, b) -> a + ", " + b)
            .orElse("nobody");
    agreement.voidAt(clock.now());
    audit.record(
        actor,
        "AGREEMENT_VOIDED",
        SUBJECT,
        agreement.getWorkOrderId(),
        "version "
            + agreement.getVersionNumber()
            + " ("
            + agreement.getContentHash()
            + ") changed before both signed; signatures voided: "
            + signedBy);
  }

  private void reauthenticate(UserAccount me, String password) {
    SignInService.Outcome outcome = signIn.attempt(me.getEmail(), password);
    if (outcome instanceof SignInService.Outcome.Locked) {
      throw new DomainException("error.signing.locked");
    }
    if (outcome instanceof SignInService.Outcome.Busy) {
      throw new DomainException("error.signIn.busy");
    }
    if (!(outcome instanceof SignInService.Outcome.Accepted)) {
      throw DomainException.at("password", "error.signing.password");
    }
  }

  /**
   * The order's current signed agreement version: the newest one both parties signed. The one
   * place that answers "which version binds now"; an order that was never signed has none.
   */
  public static Agreement currentSigned(EntityManager em, long orderId) {
    return em.createQuery(
            "select a from Agreement a where a.workOrderId = :order and a.state = :signed"
                + " order by a.versionNumber desc",
            Agreement.class)
        .setParameter("order", orderId)
        .setParameter("signed", Agreement.State.SIGNED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new DomainException("error.change.notSigned"));
  }

  private static Optional<Agreement> pending(EntityManager em, long orderId) {
    return em.createQuery(
            "select a from Agreement a where a.workOrderId = :order and a.state = :awaiting",
            Agreement.class)
        .setParameter("order", orderId)
        .setParameter("awaiting", Agreement.State.AWAITING_SIGNATURES)
        .getResultStream()
        .findFirst();
  }


  private static Agreement agreement(EntityManager em, long orderId, long agreementId) {
    Agreement agreement = em.find(Agreement.class, agreementId);
    if (agreement == null || agreement.getWorkOrderId() != orderId) {
      throw new NotFoundException();
    }
    return agreement;
  }

  /** The organisation a party signs for: the agency, or the subcontractor in its own name. */
  static String organisation(AgreementContent content, Party party) {
    return party == Party.AGENCY ? content.agency().name() : content.subcontractor().name();
  }

  /** Everything the order's parties agreed, as the next agreement version. */
  private AgreementContent contentOf(
      EntityManager em,
      Actor actor,
      WorkOrder order,
      LocalDate agreedOn,
      AgreementContent.Amendment amendment) {
    List<Agreement> signed =
        em.createQuery(
                "select a from Agreement a where a.workOrderId = :order and a.state = :signed"
                    + " order by a.versionNumber desc",
                Agreement.class)
            .setParameter("order", order.getId())
            .setParameter("signed", Agreement.State.SIGNED)
            .getResultList();
    Agency agency = em.find(Agency.class, actor.tenantId());
    UserAccount subcontractor = order.getSubcontractor();
    return contentOf(
        order,
        party(agency.getName(), agency.getBusinessDetails()),
        party(subcontractor.getDisplayName(), subcontractor.getBusinessDetails()),
        signed.size() + 1,
        signed.isEmpty() ? null : signed.get(0).getContentHash(),
        agreedOn,
        amendment);
  }

  static AgreementContent contentOf(
      WorkOrder order,
      AgreementContent.PartyDetails agency,
      AgreementContent.PartyDetails subcontractor,
      int version,
      String previousHash,
      LocalDate agreedOn,
      AgreementContent.Amendment amendment) {
    List<ScopeLine> counted = order.countedLines();
    List<AgreementContent.Line> lines = new java.util.ArrayList<>(counted.size());
    for (ScopeLine line : counted) {
      var c = line.getContent();
      lines.add(
          new AgreementContent.Line(
              lines.size() + 1,
              line.getId(),
              c.getText(),
              c.getDeliverable(),
              c.getAcceptanceCriteria(),
              c.getQuantity(),
              c.getUnit().name(),
              c.unitPrice(order.currencyUnit()).amount(),
              c.amount(order.currencyUnit()).amount()));
    }
    Totals totals = order.totals();
    return new AgreementContent(
        order.getNumber(),
        version,
        previousHash,
        order.getLanguage(),
        agency,
        subcontractor,
        order.getTitle(),
        order.getDescription(),
        order.getCurrency(),
        agreedOn,
        order.getCommissionedOn(),
        order.getPeriodStart(),
        order.getDeliveryDate(),
        order.getPlaceOfDelivery(),
        order.getReviewDays(),
        order.inspectionDeadline(),
        order.getPaymentDueDate(),
        order.getPaymentMethod(),
        lines,
        totals.subtotal().amount(),
        Totals.CONSUMPTION_TAX_RATE,
        totals.tax().amount(),
        totals.total().amount(),
        amendment);
  }

  private static AgreementContent.PartyDetails party(String name, BusinessDetails details) {
    return new AgreementContent.PartyDetails(
        name, details.address(), details.registrationNumber());
  }
}
