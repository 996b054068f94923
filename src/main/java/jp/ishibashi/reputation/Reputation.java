package jp.ishibashi.reputation;

import static jp.ishibashi.platform.NativeValues.date;
import static jp.ishibashi.platform.NativeValues.instant;
import static jp.ishibashi.platform.NativeValues.text;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.persistence.config.QueryHints;

/**
 * An agency's reputation (実績): facts computed from what the portal stored as it happened — the
 * orders' signing and funding times, the deliveries and their decisions, the change requests'
 * stored quotes and the escrow ledger's releases — never typed in by anyone.
 *
 * <p>This is one of the portal's few cross-tenant reads: a subcontractor looks at an agency before
 * joining it. The queries are native SQL (EclipseLink allows it only with an explicit hint on each
 * query once entities are multitenant), each filtered on the one agency asked about, and only
 * counts and medians leave this class.
 */
@Stateless
public class Reputation {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;

  /** The facts of one agency; zeros and nulls for an agency with no orders yet. */
  public ReputationFacts of(long agencyId) {
    EntityManager em = tenancy.global();
    List<Object[]> signed =
        rows(em, "select signed_at, funded_at from work_order where tenant_id = ?1"
            + " and signed_at is not null", agencyId);
    List<Double> daysToFund =
        signed.stream()
            .filter(r -> r[1] != null)
            .map(r -> FactRules.daysBetween(instant(r[0]), instant(r[1])))
            .toList();

    List<Object[]> decided =
        rows(em, "select delivered_at, decided_at, state from delivery where tenant_id = ?1"
            + " and state in ('ACCEPTED', 'DEEMED_ACCEPTED', 'REJECTED')", agencyId);
    List<Double> daysToAccept =
        decided.stream()
            .filter(r -> !"REJECTED".equals(r[2]))
            .map(r -> FactRules.daysBetween(instant(r[0]), instant(r[1])))
            .toList();
    long deemed = decided.stream().filter(r -> "DEEMED_ACCEPTED".equals(r[2])).count();
    long rejected = decided.stream().filter(r -> "REJECTED".equals(r[2])).count();

    List<?> quotes =
        em.createNativeQuery(
                "select quote from change_request where tenant_id = ?1 and proposed_by = 'AGENCY'")
            .setParameter(1, agencyId)
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .getResultList();
    long lateChanges = quotes.stream().filter(q -> FactRules.isLateChange(text(q))).count();

    // The order's first release against the payment due date of the delivery that was accepted.
    List<Object[]> releases =
        rows(em, "select d.payment_due_on, min(m.occurred_at) from delivery d"
            + " join ledger_movement m on m.work_order_id = d.work_order_id"
            + " and m.tenant_id = d.tenant_id and m.kind = 'RELEASE'"
            + " where d.tenant_id = ?1 and d.state in ('ACCEPTED', 'DEEMED_ACCEPTED')"
            + " group by d.work_order_id, d.payment_due_on", agencyId);
    long latePayments =
        releases.stream()
            .filter(r -> FactRules.isLatePayment(instant(r[1]), date(r[0]), clock.zone()))
            .count();

    return new ReputationFacts(
        Median.of(daysToFund),
        Median.of(daysToAccept),
        deemed,
        rejected,
        lateChanges,
        latePayments,
        signed.size());
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(EntityManager em, String sql, long agencyId) {
    return em.createNativeQuery(sql)
        .setParameter(1, agencyId)
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
        .getResultList();
  }
}
