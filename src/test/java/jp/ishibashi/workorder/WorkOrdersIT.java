package jp.ishibashi.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import jp.ishibashi.Deployments;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work orders inside Payara Micro on the configured database, through the {@link WorkOrders}
 * service: isolation of every use case, history and audit, and locking. Every test makes its own
 * agencies and orders, so tests are independent of each other and of whatever else is in a shared
 * database.
 */
@ExtendWith(ArquillianExtension.class)
class WorkOrdersIT {

  private static final String PASSWORD = "correct-horse-battery";
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portalWith(WorkOrdersIT.class);
  }

  @Inject WorkOrders workOrders;
  @Inject AgencySignUp signUp;
  @Inject Invitations invitations;
  @Inject AccountDirectory directory;
  @Inject AuditTrail audit;
  @Inject PortalClock clock;
  @Inject Tenancy tenancy;
  @Inject UserTransaction tx;

  // ---------------------------------------------------------------------------------------------
  // In-container: the service

  @Test
  void anotherAgencyOrSubcontractorGetsNotFoundFromEveryUseCase() {
    Actor agencyA = newAgency("株式会社隔離エー");
    Actor agencyB = newAgency("株式会社隔離ビー");
    UserAccount party = join(agencyA, "当事者 一郎");
    UserAccount bystander = join(agencyA, "無関係 次郎");
    UserAccount outsider = join(agencyB, "他社 三郎");
    Actor partyActor = subcontractor(party, agencyA);

    WorkOrder draft = workOrders.create(agencyA, serviceTerms(party.getId()));
    long draftLine =
        workOrders.addLine(agencyA, draft.getId(), serviceLine("下書きの明細", "1000")).getId();
    assertEveryUseCaseNotFound(partyActor, draft.getId(), draftLine);

    WorkOrder order = workOrders.create(agencyA, serviceTerms(party.getId()));
    long lineId =
        workOrders.addLine(agencyA, order.getId(), serviceLine("送付済みの明細", "5000")).getId();
    workOrders.send(
        agencyA, order.getId(), workOrders.view(agencyA, order.getId()).order().getVersion());
    WorkOrderView before = workOrders.view(agencyA, order.getId());
    int events = events(agencyA, order.getId()).size();

    for (Actor foreign :
        List.of(agencyB, subcontractor(bystander, agencyA), subcontractor(outsider, agencyB))) {
      assertEveryUseCaseNotFound(foreign, order.getId(), lineId);
      assertTrue(
          workOrders.search(foreign, WorkOrderSearch.newestFirst(), 0, 100).stream()
              .noneMatch(o -> o.getId().equals(order.getId())));
    }
    assertEquals(0, workOrders.count(agencyB, WorkOrderSearch.newestFirst()));
    assertEquals(1, workOrders.count(partyActor, WorkOrderSearch.newestFirst()), "sent, not draft");
    assertEquals(
        List.of(order.getId()),
        workOrders.search(partyActor, WorkOrderSearch.newestFirst(), 0, 10).stream()
            .map(WorkOrder::getId)
            .toList());

    WorkOrderView after = workOrders.view(agencyA, order.getId());
    assertEquals(before.order().getVersion(), after.order().getVersion());
    assertEquals(WorkOrderStatus.NEGOTIATING, after.order().getStatus());
    assertEquals(1, after.order().getLines().size());
    assertEquals(
        before.order().getLines().get(0).getVersion(),
        after.order().getLines().get(0).getVersion());
    assertEquals(events, events(agencyA, order.getId()).size());
  }

  @Test
  void everyStepIsRecordedInTheLineHistoryAndTheAuditTrail() {
    Actor agency = newAgency("株式会社記録");
    UserAccount sub = join(agency, "記録 花子");
    Actor subActor = subcontractor(sub, agency);
    WorkOrder order = workOrders.create(agency, serviceTerms(sub.getId()));
    long id = order.getId();
    long lineId = workOrders.addLine(agency, id, serviceLine("ロゴ制作", "50000")).getId();
    workOrders.send(agency, id, workOrders.view(agency, id).order().getVersion());
    workOrders.editLine(
        subActor, id, lineId, lineVersion(agency, id), serviceLine("ロゴ制作", "60000"));
    workOrders.acceptLine(agency, id, lineId, lineVersion(agency, id));
    WorkOrder agreed =
        workOrders.acceptTerms(subActor, id, workOrders.view(subActor, id).order().getVersion());
    ScopeLine line = workOrders.view(agency, id).order().getLines().get(0);

    assertEquals(WorkOrderStatus.AGREED, agreed.getStatus());
    List<LineRevision> history = workOrders.view(agency, id).historyOf(line);
    assertEquals(
        List.of(ScopeLine.Action.PROPOSED, ScopeLine.Action.COUNTERED, ScopeLine.Action.ACCEPTED),
        history.stream().map(LineRevision::getAction).toList());
    assertEquals(
        List.of("管理 太郎", "記録 花子", "管理 太郎"),
        history.stream().map(LineRevision::getActorName).toList());
    assertEquals(
        List.of(50_000L, 60_000L, 60_000L),
        history.stream().map(r -> r.getContent().getUnitPriceMinor()).toList());
    assertEquals(
        List.of(
            "WORK_ORDER_CREATED",
            "LINE_PROPOSED",
            "WORK_ORDER_SENT",
            "LINE_COUNTERED",
            "LINE_ACCEPTED",
            "TERMS_ACCEPTED"),
        events(agency, id).stream().map(AuditEvent::getAction).toList());
  }

  @Test
  void aDraftLineIsDeletedTogetherWithItsHistory() {
    Actor agency = newAgency("株式会社下書き");
    UserAccount sub = join(agency, "下書き 受注");
    long id = workOrders.create(agency, serviceTerms(sub.getId())).getId();
    long kept = workOrders.addLine(agency, id, serviceLine("残る明細", "1000")).getId();
    long deleted = workOrders.addLine(agency, id, serviceLine("消える明細", "2000")).getId();

    workOrders.removeLine(agency, id, deleted, lineVersion(agency, id, deleted));

    WorkOrderView view = workOrders.view(agency, id);
    assertEquals(List.of(kept), view.order().getLines().stream().map(ScopeLine::getId).toList());
    assertEquals(List.of(kept), List.copyOf(view.history().keySet()));
    List<AuditEvent> events = events(agency, id);
    assertEquals("LINE_DELETED", events.get(events.size() - 1).getAction());
  }

  /**
   * Two sides answering the last open items of an order at the same moment must still agree it.
   * Each change therefore holds the order locked until it commits, so the other change waits and
   * then decides on the committed state. Shown here without timing: while the subcontractor's
   * accept is still uncommitted, another transaction cannot lock the order.
   */
  @Test
  void aChangeKeepsTheOrderLockedUntilItCommits() throws Exception {
    Actor agency = newAgency("株式会社同時");
    UserAccount sub = join(agency, "同時 回答");
    Actor subActor = subcontractor(sub, agency);
    long id = workOrders.create(agency, serviceTerms(sub.getId())).getId();
    long first = workOrders.addLine(agency, id, serviceLine("一つ目", "1000")).getId();
    long second = workOrders.addLine(agency, id, serviceLine("二つ目", "2000")).getId();
    workOrders.send(agency, id, workOrders.view(agency, id).order().getVersion());
    workOrders.acceptTerms(subActor, id, workOrders.view(subActor, id).order().getVersion());
    TransactionManager transactions = InitialContext.doLookup("java:appserver/TransactionManager");

    tx.begin();
    try {
      workOrders.acceptLine(subActor, id, first, lineVersion(agency, id, first));
      Transaction uncommitted = transactions.suspend();
      try {
        tx.begin();
        try {
          assertThrows(
              PersistenceException.class,
              () ->
                  tenancy
                      .em(agency)
                      .find(
                          WorkOrder.class,
                          id,
                          LockModeType.PESSIMISTIC_WRITE,
                          Map.of("jakarta.persistence.lock.timeout", 0)));
        } finally {
          tx.rollback();
        }
      } finally {
        transactions.resume(uncommitted);
      }
    } finally {
      tx.commit();
    }

    assertEquals(WorkOrderStatus.NEGOTIATING, workOrders.view(agency, id).order().getStatus());
    workOrders.acceptLine(subActor, id, second, lineVersion(agency, id, second));
    assertEquals(WorkOrderStatus.AGREED, workOrders.view(agency, id).order().getStatus());
  }

  // ---------------------------------------------------------------------------------------------
  // In-container helpers

  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private Actor newAgency(String name) {
    UserAccount admin =
        signUp.signUp(new AgencySignUp.Form(name, "管理 太郎", email("admin"), PASSWORD));
    Workplace w = directory.workplacesOf(admin.getId()).get(0);
    return new Actor(admin.getId(), w.tenantId(), w.role());
  }

  private UserAccount join(Actor admin, String name) {
    String token = invitations.invite(admin, email("sub"), Role.SUBCONTRACTOR).token().value();
    return invitations.acceptWithNewAccount(token, name, PASSWORD);
  }

  private static Actor subcontractor(UserAccount sub, Actor agency) {
    return new Actor(sub.getId(), agency.tenantId(), Role.SUBCONTRACTOR);
  }

  private Terms serviceTerms(Long subcontractorId) {
    LocalDate today = LocalDate.ofInstant(clock.now(), TOKYO);
    return new Terms(
        "ウェブサイト制作",
        "説明",
        subcontractorId,
        "ja",
        "JPY",
        today,
        null,
        today.plusDays(30),
        "メールで納品",
        7,
        today.plusDays(60),
        "銀行振込");
  }

  private static LineInput serviceLine(String text, String price) {
    return new LineInput(text, "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal(price));
  }

  private void assertEveryUseCaseNotFound(Actor actor, long orderId, long lineId) {
    List<Runnable> useCases =
        List.of(
            () -> workOrders.view(actor, orderId),
            () -> workOrders.reviseTerms(actor, orderId, 1, serviceTerms(null)),
            () -> workOrders.send(actor, orderId, 1),
            () -> workOrders.acceptTerms(actor, orderId, 1),
            () -> workOrders.addLine(actor, orderId, serviceLine("侵入", "1")),
            () -> workOrders.editLine(actor, orderId, lineId, 1, serviceLine("侵入", "2")),
            () -> workOrders.acceptLine(actor, orderId, lineId, 1),
            () -> workOrders.removeLine(actor, orderId, lineId, 1),
            () -> workOrders.keepLine(actor, orderId, lineId, 1),
            () -> workOrders.moveLine(actor, orderId, lineId, 1));
    for (int i = 0; i < useCases.size(); i++) {
      Runnable useCase = useCases.get(i);
      assertThrows(NotFoundException.class, useCase::run, "use case " + i + " for " + actor);
    }
  }

  private long lineVersion(Actor actor, long orderId) {
    return workOrders.view(actor, orderId).order().getLines().get(0).getVersion();
  }

  private long lineVersion(Actor actor, long orderId, long lineId) {
    return workOrders.view(actor, orderId).order().getLines().stream()
        .filter(l -> l.getId() == lineId)
        .findFirst()
        .orElseThrow()
        .getVersion();
  }

  private List<AuditEvent> events(Actor actor, long orderId) {
    return inTransaction(() -> audit.about(actor, WorkOrders.SUBJECT, orderId));
  }

  private <T> T inTransaction(Supplier<T> work) {
    try {
      tx.begin();
      try {
        return work.get();
      } finally {
        tx.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
