package jp.ishibashi.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import jp.ishibashi.Deployments;
import jp.ishibashi.Race;
import jp.ishibashi.TestAgencies;
import jp.ishibashi.audit.AuditEvent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalDataSource;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.Terms;
import jp.ishibashi.workorder.WorkOrders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The escrow ledger inside Payara Micro on the configured database: movements are stored and read
 * back as the same ledger, refusals store nothing, two releases of the whole escrow at the same
 * moment pay out once, another agency sees nothing, and on PostgreSQL the database itself keeps the
 * ledger append-only and balanced. Every test makes its own agency and order.
 */
@ExtendWith(ArquillianExtension.class)
class EscrowLedgerIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject EscrowLedger escrow;
  @Inject WorkOrders workOrders;
  @Inject AuditTrail audit;
  @Inject TestAgencies agencies;

  @Test
  void fundReleaseAndRefundAreMovementsReadBackAsTheSameLedger() {
    Actor agency = agencies.newAgency("株式会社仮払い");
    long order = order(agency, "JPY");

    escrow.fund(agency, order, yen(100_000), "振込 DEP-0001");
    escrow.fund(agency, order, yen(20_000), "追加仮払い DEP-0002");
    escrow.release(agency, order, yen(30_000), "中途解約料: 明細 2");
    Ledger returned = escrow.refund(agency, order, yen(90_000), "解約");

    Ledger stored = escrow.ledger(agency, order);
    assertEquals(returned.movements(), stored.movements(), "replayed from the rows as appended");
    assertEquals(yen(0), stored.held());
    assertEquals(yen(120_000), stored.deposited());
    assertEquals(yen(30_000), stored.released());
    assertEquals(yen(90_000), stored.refunded());
    assertEquals(yen(-120_000), stored.balance(LedgerAccount.AGENCY_FUNDING));
    assertEquals("振込 DEP-0001", stored.movements().get(0).reference(), "the provider's reference");
    assertEquals(
        List.of(
            "WORK_ORDER_CREATED",
            "ESCROW_FUNDED",
            "ESCROW_FUNDED",
            "ESCROW_RELEASED",
            "ESCROW_REFUNDED"),
        actions(agency, order));
    assertEquals(
        "RELEASE JPY 30000 (中途解約料: 明細 2); held JPY 90000",
        audit.about(agency, "WorkOrder", order).get(3).getDetails());
  }

  @Test
  void refusedMovementsStoreNothing() {
    Actor agency = agencies.newAgency("株式会社拒否仮払い");
    long order = order(agency, "JPY");
    escrow.fund(agency, order, yen(50_000), "DEP-1");
    escrow.release(agency, order, yen(20_000), "検収");

    assertRefused(Ledger.INSUFFICIENT, () -> escrow.release(agency, order, yen(30_001), "多すぎる"));
    assertRefused(Ledger.INSUFFICIENT, () -> escrow.refund(agency, order, yen(30_001), "多すぎる"));
    assertRefused(
        Ledger.CURRENCY, () -> escrow.fund(agency, order, Money.of("10.00", "USD"), "DEP-2"));
    assertRefused(Ledger.AMOUNT, () -> escrow.fund(agency, order, yen(0), "DEP-3"));
    assertRefused(Ledger.DUPLICATE_DEPOSIT, () -> escrow.fund(agency, order, yen(1), "DEP-1"));
    assertRefused("error.field.required", () -> escrow.release(agency, order, yen(1), " "));

    Ledger ledger = escrow.ledger(agency, order);
    assertEquals(2, ledger.movements().size());
    assertEquals(yen(30_000), ledger.held());
    assertEquals(
        List.of("WORK_ORDER_CREATED", "ESCROW_FUNDED", "ESCROW_RELEASED"), actions(agency, order));
  }

  @Test
  void centsAreKeptExactly() {
    Actor agency = agencies.newAgency("Dollar Agency");
    long order = order(agency, "USD");

    escrow.fund(agency, order, Money.of("1234.56", "USD"), "DEP-USD");
    escrow.release(agency, order, Money.of("0.07", "USD"), "part");

    assertEquals(Money.of("1234.49", "USD"), escrow.ledger(agency, order).held());
    assertRefused(Ledger.CURRENCY, () -> escrow.release(agency, order, yen(1), "yen"));
  }

  @Test
  void twoReleasesOfTheWholeEscrowAtOnceReleaseItOnce() {
    Actor agency = agencies.newAgency("株式会社同時支払い");
    for (int round = 0; round < 3; round++) {
      long order = order(agency, "JPY");
      escrow.fund(agency, order, yen(80_000), "DEP-" + round);

      List<Race.Outcome<Ledger>> outcomes =
          Race.run(2, () -> escrow.release(agency, order, yen(80_000), "検収"));

      List<Race.Outcome<Ledger>> paid = outcomes.stream().filter(Race.Outcome::succeeded).toList();
      assertEquals(1, paid.size(), () -> "exactly one release: " + outcomes);
      Throwable refusal =
          outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow().failure();
      DomainException refused = assertInstanceOf(DomainException.class, refusal);
      assertEquals(Ledger.INSUFFICIENT, refused.key());
      Ledger ledger = escrow.ledger(agency, order);
      assertEquals(yen(0), ledger.held());
      assertEquals(yen(80_000), ledger.released());
      assertEquals(2, ledger.movements().size());
    }
  }

  @Test
  void anotherAgencySeesNoLedgerAndMovesNoMoney() {
    Actor owner = agencies.newAgency("株式会社持ち主");
    Actor other = agencies.newAgency("株式会社他社");
    long order = order(owner, "JPY");
    escrow.fund(owner, order, yen(10_000), "DEP-1");
    Actor notParty = new Actor(owner.userId(), owner.tenantId(), Role.SUBCONTRACTOR);

    for (Executable attempt :
        List.<Executable>of(
            () -> escrow.ledger(other, order),
            () -> escrow.fund(other, order, yen(1), "DEP-X"),
            () -> escrow.release(other, order, yen(10_000), "他社"),
            () -> escrow.refund(other, order, yen(10_000), "他社"),
            () -> escrow.ledger(notParty, order),
            () -> escrow.ledger(owner, order + 1_000_000))) {
      assertThrows(NotFoundException.class, attempt);
    }
    Ledger ledger = escrow.ledger(owner, order);
    assertEquals(yen(10_000), ledger.held());
    assertEquals(1, ledger.movements().size());
  }

  /** Runs only on PostgreSQL, which alone has the ledger's triggers (db/postgresql/V6_1). */
  @Test
  @EnabledIf("jp.ishibashi.Deployments#usesPostgresql")
  void onPostgresqlTheDatabaseKeepsTheLedgerAppendOnlyAndBalanced() throws Exception {
    Actor agency = agencies.newAgency("株式会社追記専用仮払い");
    long order = order(agency, "JPY");
    escrow.fund(agency, order, yen(5_000), "DEP-1");

    for (String sql :
        List.of(
            "update ledger_entry set amount_minor = 1 where work_order_id = ?",
            "delete from ledger_entry where work_order_id = ?",
            "update ledger_movement set reference = 'x' where work_order_id = ?",
            "delete from ledger_movement where work_order_id = ?")) {
      SQLException e = assertThrows(SQLException.class, () -> execute(sql, order), sql);
      assertTrue(e.getMessage().contains("is append-only"), e.getMessage());
    }

    SQLException unbalanced =
        assertThrows(
            SQLException.class,
            () ->
                execute(
                    "insert into ledger_entry (id, tenant_id, work_order_id, movement_id, account,"
                        + " amount_minor, currency) select -id, tenant_id, work_order_id, id,"
                        + " 'REFUNDED_TO_AGENCY', 1, 'JPY' from ledger_movement"
                        + " where work_order_id = ?",
                    order));
    assertTrue(unbalanced.getMessage().contains("is unbalanced"), unbalanced.getMessage());
    assertEquals(yen(5_000), escrow.ledger(agency, order).held());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private long order(Actor agency, String currency) {
    Terms terms =
        new Terms("仮払いの発注", null, null, "ja", currency, null, null, null, null, 7, null, null);
    return workOrders.create(agency, terms).getId();
  }

  private static Money yen(long amount) {
    return Money.ofMinor(amount, Money.currency("JPY"));
  }

  private static void assertRefused(String key, Executable action) {
    assertEquals(key, assertThrows(DomainException.class, action).key());
  }

  private List<String> actions(Actor agency, long order) {
    return audit.about(agency, "WorkOrder", order).stream().map(AuditEvent::getAction).toList();
  }

  /** Runs a statement with autocommit, as a client of the database would. */
  private static void execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }

  private static DataSource dataSource() {
    try {
      return InitialContext.doLookup(PortalDataSource.JNDI_NAME);
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }
}
