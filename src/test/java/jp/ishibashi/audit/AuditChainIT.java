package jp.ishibashi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import jp.ishibashi.ApiClient;
import jp.ishibashi.ApiClient.Reply;
import jp.ishibashi.Deployments;
import jp.ishibashi.account.AccountDirectory;
import jp.ishibashi.account.AgencySignUp;
import jp.ishibashi.account.Invitations;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.audit.ChainVerification.Reason;
import jp.ishibashi.demo.DemoData;
import jp.ishibashi.platform.PortalDataSource;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.LineInput;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrderSearch;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit hash chain inside Payara Micro on the configured database: events of real use cases
 * form one intact chain per agency, an event changed or removed in the database is named by the
 * verifier, refusals stay recorded when their transaction rolls back, and on PostgreSQL the
 * database itself refuses to change or remove an audit row. Every test makes its own agency, so
 * tests depend neither on each other nor on what else is in a shared database.
 *
 * <p>Rows are tampered with through plain JDBC, as an intruder with database access would. On
 * PostgreSQL that needs {@code session_replication_role = replica}, which switches the append-only
 * trigger off for one transaction (the test user is a superuser).
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  private static final String PASSWORD = "correct-horse-battery";

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject WorkOrders workOrders;
  @Inject AgencySignUp signUp;
  @Inject Invitations invitations;
  @Inject AccountDirectory directory;
  @Inject AuditTrail audit;
  @Inject AuditChainVerifier verifier;
  @Inject Tenancy tenancy;
  @Inject UserTransaction tx;

  @ArquillianResource URL base;

  // ---------------------------------------------------------------------------------------------
  // In-container

  @Test
  void theEventsOfRealUseCasesFormAnIntactChain() {
    Actor agency = agencyWithOrder("株式会社チェーン", "設計", "実装");

    List<AuditEvent> events = chain(agency);
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(AuditEvent::getSeq).toList());
    assertEquals(
        List.of("WORK_ORDER_CREATED", "LINE_PROPOSED", "LINE_PROPOSED"),
        events.stream().map(AuditEvent::getAction).toList());
    assertEquals(AuditHash.GENESIS, events.get(0).getPreviousHash());
    for (int i = 1; i < events.size(); i++) {
      assertEquals(events.get(i - 1).getHash(), events.get(i).getPreviousHash(), "link " + i);
    }
    for (AuditEvent event : events) {
      assertTrue(event.getHash().matches("[0-9a-f]{64}"), event.getHash());
      assertEquals(event.getHash(), event.computeHash(agency.tenantId()), "as read back");
      assertEquals(agency.userId(), event.getActorId());
      assertNotNull(event.getIp(), "recorded inside Arquillian's HTTP request, so with its IP");
    }

    ChainVerification result = verifier.verify(agency);
    assertTrue(result.intact(), () -> "broken: " + result);
    assertEquals(3, result.checked());
    assertEquals(0, result.legacy());
  }

  @Test
  void severalAppendsInOneTransactionFollowEachOther() throws Exception {
    Actor agency = newAgency("株式会社一括");

    tx.begin();
    try {
      long order = workOrders.create(agency, draft("一括の発注")).getId();
      workOrders.addLine(agency, order, line("一"));
      workOrders.addLine(agency, order, line("二"));
      tx.commit();
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }

    assertEquals(List.of(1L, 2L, 3L), chain(agency).stream().map(AuditEvent::getSeq).toList());
    ChainVerification result = verifier.verify(agency);
    assertTrue(result.intact(), () -> "broken: " + result);
  }

  @Test
  void twoAgenciesHaveTwoIndependentChains() {
    Actor a = newAgency("株式会社チェーンエー");
    Actor b = newAgency("株式会社チェーンビー");
    long orderA = workOrders.create(a, draft("エーの発注")).getId();
    long orderB = workOrders.create(b, draft("ビーの発注")).getId();
    workOrders.addLine(a, orderA, line("エーの明細"));
    workOrders.addLine(b, orderB, line("ビーの明細"));
    workOrders.addLine(a, orderA, line("エーの明細 2"));

    assertEquals(List.of(1L, 2L, 3L), chain(a).stream().map(AuditEvent::getSeq).toList());
    assertEquals(List.of(1L, 2L), chain(b).stream().map(AuditEvent::getSeq).toList());
    assertEquals(3, verifier.verify(a).checked());
    assertEquals(2, verifier.verify(b).checked());

    tamper(chain(b).get(0), "details = 'WO-改ざん'");

    assertFalse(verifier.verify(b).intact());
    ChainVerification untouched = verifier.verify(a);
    assertTrue(untouched.intact(), () -> "the other agency's chain broke: " + untouched);
  }

  @Test
  void anEditedEventIsNamedAsTheFirstBrokenLink() {
    Actor agency = agencyWithOrder("株式会社改ざん", "一つ目", "二つ目", "三つ目");
    AuditEvent second = chain(agency).get(1);

    assertEquals(1, tamper(second, "details = 'line 0 (なかったこと)'"));

    ChainVerification result = verifier.verify(agency);
    assertFalse(result.intact());
    assertEquals(second.getId(), result.firstBreak().eventId());
    assertEquals(2, result.firstBreak().seq());
    assertEquals(second.getAt(), result.firstBreak().at());
    assertEquals(Reason.HASH_MISMATCH, result.firstBreak().reason());
    assertEquals(2, result.checked(), "stops at the break");
  }

  @Test
  void anEventWhoseHashWasRecomputedBreaksTheNextLink() {
    Actor agency = agencyWithOrder("株式会社再計算", "本物", "次");
    List<AuditEvent> events = chain(agency);
    AuditEvent forged = events.get(1);
    String forgedHash =
        AuditHash.of(
            agency.tenantId(),
            forged.getSeq(),
            forged.getAt(),
            forged.getActorId(),
            forged.getAction(),
            forged.getSubjectType(),
            forged.getSubjectId(),
            "偽物",
            forged.getIp(),
            forged.getPreviousHash());

    tamper(forged, "details = '偽物', event_hash = '" + forgedHash + "'");

    ChainVerification result = verifier.verify(agency);
    assertEquals(events.get(2).getId(), result.firstBreak().eventId());
    assertEquals(Reason.PREVIOUS_HASH_MISMATCH, result.firstBreak().reason());
  }

  @Test
  void removedEventsShowAsAGapOrAsAShortChain() {
    Actor middle = agencyWithOrder("株式会社欠番", "消される", "残る");
    List<AuditEvent> events = chain(middle);

    delete(events.get(1));

    ChainVerification gap = verifier.verify(middle);
    assertEquals(events.get(2).getId(), gap.firstBreak().eventId());
    assertEquals(Reason.SEQ_GAP, gap.firstBreak().reason());
    assertEquals(3, gap.firstBreak().seq());
    assertEquals(2, gap.firstBreak().expectedSeq());

    Actor end = agencyWithOrder("株式会社末尾", "消される末尾");
    List<AuditEvent> two = chain(end);

    delete(two.get(1));

    ChainVerification cut = verifier.verify(end);
    assertEquals(Reason.HEAD_MISMATCH, cut.firstBreak().reason());
    assertEquals(two.get(0).getId(), cut.firstBreak().eventId(), "the chain's last event");
    assertEquals(1, cut.firstBreak().seq());
    assertEquals(2, cut.firstBreak().expectedSeq());
  }

  @Test
  void legacyEventsAreCountedButNotJudged() {
    Actor agency = newAgency("株式会社旧記録");
    insertLegacyEvent(agency, -agency.tenantId() * 10 - 1);
    insertLegacyEvent(agency, -agency.tenantId() * 10 - 2);
    workOrders.create(agency, draft("導入後の発注"));

    ChainVerification result = verifier.verify(agency);
    assertTrue(result.intact(), () -> "broken: " + result);
    assertEquals(1, result.checked());
    assertEquals(2, result.legacy());
    List<AuditEvent> newest = inTransaction(() -> audit.newestFirst(agency, 0, 10));
    assertEquals(3, newest.size());
    assertEquals(1L, newest.get(0).getSeq(), "chained events first, newest first");
    assertTrue(newest.get(1).isLegacy() && newest.get(2).isLegacy());
  }

  @Test
  void aRefusalStaysRecordedWhenTheCallersTransactionRollsBack() throws Exception {
    Actor agency = newAgency("株式会社拒否");

    tx.begin();
    try {
      audit.recordRefusal(agency, "SIGNING_REFUSED", "WorkOrder", 0, "wrong password");
      workOrders.create(agency, draft("取り消される発注"));
    } finally {
      tx.rollback();
    }

    List<AuditEvent> events = chain(agency);
    assertEquals(List.of("SIGNING_REFUSED"), events.stream().map(AuditEvent::getAction).toList());
    assertEquals(1L, events.get(0).getSeq());
    assertEquals("wrong password", events.get(0).getDetails());
    assertEquals(0, workOrders.count(agency, WorkOrderSearch.newestFirst()));

    workOrders.create(agency, draft("次の発注"));
    ChainVerification result = verifier.verify(agency);
    assertTrue(result.intact(), () -> "broken: " + result);
    assertEquals(2, result.checked());
  }

  @Test
  void aRefusalAfterAnEventInTheSameTransactionIsRefusedRatherThanWaitingForever()
      throws Exception {
    Actor agency = newAgency("株式会社順序");

    tx.begin();
    try {
      workOrders.create(agency, draft("先に記録"));
      assertThrows(
          IllegalStateException.class,
          () -> audit.recordRefusal(agency, "SIGNING_REFUSED", "WorkOrder", 0, "too late"));
    } finally {
      tx.rollback();
    }
    assertTrue(chain(agency).isEmpty());
  }

  /**
   * Appends in one agency never fork the chain: while one transaction has appended but not yet
   * committed, no other transaction can take the agency's chain head.
   */
  @Test
  void anAppendKeepsTheAgencysChainLockedUntilItCommits() throws Exception {
    Actor agency = newAgency("株式会社直列");
    Actor other = newAgency("株式会社並列");
    TransactionManager transactions = InitialContext.doLookup("java:appserver/TransactionManager");

    tx.begin();
    try {
      workOrders.create(agency, draft("未確定"));
      Transaction uncommitted = transactions.suspend();
      try {
        tx.begin();
        try {
          assertNotNull(lockHead(other), "another agency's chain is free");
          assertThrows(PersistenceException.class, () -> lockHead(agency));
        } finally {
          tx.rollback();
        }
      } finally {
        transactions.resume(uncommitted);
      }
    } finally {
      tx.commit();
    }
    workOrders.create(agency, draft("確定後"));
    assertEquals(List.of(1L, 2L), chain(agency).stream().map(AuditEvent::getSeq).toList());
  }

  /**
   * Runs only where the tests use PostgreSQL, which alone has the append-only trigger. Decided by
   * the configured driver rather than by an assumption inside the test: Arquillian reports an
   * assumption that fails in the container as an error, not as a skipped test.
   */
  @Test
  @EnabledIf("usesPostgresql")
  void onPostgresqlTheDatabaseRefusesToChangeOrRemoveAuditRows() throws Exception {
    assertTrue(isPostgresql(), "the configured driver is PostgreSQL's, so the database is too");
    Actor agency = newAgency("株式会社追記専用");
    workOrders.create(agency, draft("消せない記録"));
    AuditEvent event = chain(agency).get(0);

    SQLException update =
        assertThrows(
            SQLException.class,
            () -> execute("update audit_event set details = 'x' where id = ?", event.getId()));
    assertTrue(update.getMessage().contains("append-only"), update.getMessage());
    SQLException delete =
        assertThrows(
            SQLException.class,
            () -> execute("delete from audit_event where id = ?", event.getId()));
    assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());

    assertEquals(event.getDetails(), chain(agency).get(0).getDetails());
    assertTrue(verifier.verify(agency).intact());
  }

  @Test
  void onlyAgencyAdminsReadOrVerifyTheTrail() {
    Actor agency = newAgency("株式会社権限");
    String token = invitations.invite(agency, email("staff"), Role.AGENCY_STAFF).token().value();
    UserAccount staff = invitations.acceptWithNewAccount(token, "担当 次郎", PASSWORD);
    Actor staffActor = new Actor(staff.getId(), agency.tenantId(), Role.AGENCY_STAFF);
    Actor subcontractor = new Actor(staff.getId(), agency.tenantId(), Role.SUBCONTRACTOR);

    for (Actor actor : List.of(staffActor, subcontractor)) {
      assertThrows(NotFoundException.class, () -> verifier.verify(actor), actor.toString());
      assertThrows(NotFoundException.class, () -> audit.count(actor), actor.toString());
      assertThrows(
          NotFoundException.class, () -> audit.newestFirst(actor, 0, 10), actor.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The page, as a browser sends it

  @Test
  @RunAsClient
  void theAuditPageListsEventsWithTheirIpAndVerifiesTheChain() {
    ApiClient admin = new ApiClient(base).signIn("admin@aoba.example", DemoData.PASSWORD);
    Reply created =
        admin.post("work-orders", ApiClient.object("title", "監査ページの確認", "reviewDays", 7));
    assertEquals(201, created.status(), created.toString());
    String number = created.json().getString("number");

    Reply page = admin.getFromRoot("agency/admin/audit.xhtml");
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("WORK_ORDER_CREATED"), "the event is listed");
    assertTrue(page.body().contains(number), "with its details");
    assertTrue(
        Pattern.compile(">[0-9a-fA-F.:]{3,45}</td><td role=\"gridcell\"><span class=\"hash\"")
            .matcher(page.body())
            .find(),
        () -> "with the client's IP: " + page.body());
    assertFalse(page.body().contains("id=\"result\""), "no verification before it is asked for");

    Reply verified =
        admin.postForm(
            "agency/admin/audit.xhtml",
            Map.of(
                "audit", "audit",
                "audit:verify", "",
                "jakarta.faces.ViewState", ApiClient.viewState(page.body())));
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.body().contains("id=\"intact\""), verified.body());

    Reply staff =
        new ApiClient(base)
            .signIn("staff@sakura.example", DemoData.PASSWORD)
            .getFromRoot("agency/admin/audit.xhtml");
    assertEquals(403, staff.status(), "staff may not open the admin pages");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private Actor newAgency(String name) {
    UserAccount admin =
        signUp.signUp(new AgencySignUp.Form(name, "監査 太郎", email("admin"), PASSWORD));
    Workplace w = directory.workplacesOf(admin.getId()).get(0);
    return new Actor(admin.getId(), w.tenantId(), w.role());
  }

  /** A new agency with one draft order and these lines: 1 + lines events. */
  private Actor agencyWithOrder(String name, String... lines) {
    Actor agency = newAgency(name);
    long order = workOrders.create(agency, draft(name + "の発注")).getId();
    for (String text : lines) {
      workOrders.addLine(agency, order, line(text));
    }
    return agency;
  }

  private static Terms draft(String title) {
    return new Terms(title, null, null, "ja", "JPY", null, null, null, null, 7, null, null);
  }

  private static LineInput line(String text) {
    return new LineInput(text, "成果物", "検収基準", BigDecimal.ONE, Unit.PAGE, new BigDecimal("1000"));
  }

  /** The agency's chained events, oldest first. */
  private List<AuditEvent> chain(Actor agency) {
    return inTransaction(
        () ->
            tenancy
                .em(agency)
                .createQuery(
                    "select e from AuditEvent e where e.seq is not null order by e.seq",
                    AuditEvent.class)
                .getResultList());
  }

  /** The agency's chain head, locked at once or not at all. */
  private AuditChainHead lockHead(Actor agency) {
    return tenancy
        .global()
        .find(
            AuditChainHead.class,
            agency.tenantId(),
            LockModeType.PESSIMISTIC_WRITE,
            Map.of("jakarta.persistence.lock.timeout", 0));
  }

  /** Changes an event's row behind the portal's back; returns the rows changed. */
  private int tamper(AuditEvent event, String assignments) {
    return behindTheTrigger("update audit_event set " + assignments + " where id = ?", event);
  }

  private void delete(AuditEvent event) {
    assertEquals(1, behindTheTrigger("delete from audit_event where id = ?", event));
  }

  /**
   * Runs a statement on one event's row in a transaction of its own, with PostgreSQL's triggers
   * (the append-only guard) off for that transaction only.
   */
  private int behindTheTrigger(String sql, AuditEvent event) {
    try (Connection c = dataSource().getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (isPostgresql(c)) {
          try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
          }
        }
        int changed;
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setLong(1, event.getId());
          changed = s.executeUpdate();
        }
        c.commit();
        return changed;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a statement on one row as the portal's own connections would: triggers on. */
  private void execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }

  /** A row as events were stored before V4: no seq, IP or hashes. */
  private void insertLegacyEvent(Actor agency, long id) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into audit_event (id, tenant_id, occurred_at, actor_id, action,"
                    + " subject_type, subject_id, details)"
                    + " values (?, ?, current_timestamp, ?, 'WORK_ORDER_CREATED', 'WorkOrder', 0,"
                    + " 'before the chain')")) {
      s.setLong(1, id);
      s.setLong(2, agency.tenantId());
      s.setLong(3, agency.userId());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the tests run on PostgreSQL: the client JVM has failsafe's {@code it.db.driver}, the
   * Payara Micro JVM the {@code portal.db.driver} that arquillian.xml passes it.
   */
  static boolean usesPostgresql() {
    return System.getProperty("it.db.driver", System.getProperty("portal.db.driver", ""))
        .startsWith("org.postgresql.");
  }

  private boolean isPostgresql() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      return isPostgresql(c);
    }
  }

  private static boolean isPostgresql(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
  }

  private static DataSource dataSource() {
    try {
      return InitialContext.doLookup(PortalDataSource.JNDI_NAME);
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
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
