package jp.ishibashi.deadline;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.tenant.Tenancy;

/**
 * A deadline effect for the tests, observing kind {@value #KIND}: it counts each dispatch, checks
 * that it runs inside the claim's transaction in the deadline's agency, and appends an audit event
 * there, the effect that must commit with the claim or not at all. For subjects marked failing it
 * throws after appending its event.
 */
@ApplicationScoped
public class DeadlineRecorder {

  static final String KIND = "test.recorded";
  static final String ACTION = "TEST_DEADLINE_FIRED";

  @Inject Tenancy tenancy;
  @Inject AuditTrail audit;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, AtomicInteger> dispatches = new ConcurrentHashMap<>();
  private final Set<Long> failing = ConcurrentHashMap.newKeySet();
  private final Set<String> outsideTheClaim = ConcurrentHashMap.newKeySet();

  void on(@Observes DeadlineDue due) {
    if (!due.is(KIND)) {
      return;
    }
    if (transactions.getTransactionKey() == null) {
      outsideTheClaim.add(due.toString());
    }
    tenancy.em(due.tenantId()); // refuses if the transaction were bound to another agency
    dispatches
        .computeIfAbsent(key(due.tenantId(), due.subjectId()), k -> new AtomicInteger())
        .incrementAndGet();
    Actor portal = new Actor(0, due.tenantId(), Role.AGENCY_ADMIN);
    audit.record(portal, ACTION, "Test", due.subjectId(), "due " + due.dueAt());
    if (failing.contains(due.subjectId())) {
      throw new IllegalStateException("The effect of " + due + " fails, as the test asked");
    }
  }

  /** How often the effect ran for this subject, including runs that were rolled back. */
  public int dispatches(long tenantId, long subjectId) {
    AtomicInteger count = dispatches.get(key(tenantId, subjectId));
    return count == null ? 0 : count.get();
  }

  public void failFor(long subjectId) {
    failing.add(subjectId);
  }

  public void succeedFor(long subjectId) {
    failing.remove(subjectId);
  }

  /** Dispatches that found no transaction; there must be none. */
  public Set<String> outsideTheClaim() {
    return outsideTheClaim;
  }

  private static String key(long tenantId, long subjectId) {
    return tenantId + "/" + subjectId;
  }
}
