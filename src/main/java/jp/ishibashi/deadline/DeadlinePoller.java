package jp.ishibashi.deadline;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.ishibashi.platform.PortalClock;

/**
 * Fires the deadlines that are due, on every portal node, every 15 seconds. The timer is not
 * persistent: the deadlines themselves are rows, so nothing is lost in a restart, and several nodes
 * polling the same rows fire each deadline once (see {@link DeadlineClaims}).
 *
 * <p>A deadline whose effect fails stays pending, is logged, and is tried again at the next poll;
 * the others are not held up by it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadlinePoller {

  private static final Logger LOG = Logger.getLogger(DeadlinePoller.class.getName());

  /** How many due deadlines one query fetches; a poll pages through all of them. */
  static final int PAGE = 100;

  /** This node, as recorded in {@code claimed_by}: the JVM's process id and host name. */
  static final String NODE = node(ManagementFactory.getRuntimeMXBean().getName());

  @Inject private DeadlineClaims claims;
  @Inject private PortalClock clock;

  private final AtomicBoolean polling = new AtomicBoolean();

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void onSchedule() {
    if (!polling.compareAndSet(false, true)) {
      return; // the previous poll of this node still runs
    }
    try {
      pollOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Polling deadlines failed; trying again at the next poll", e);
    } finally {
      polling.set(false);
    }
  }

  /**
   * Claims and fires every deadline due now by the portal's clock. Safe to call from several
   * threads and nodes at once; tests call it after moving the clock.
   *
   * @return how many deadlines this call fired
   */
  public int pollOnce() {
    Instant now = clock.now();
    int fired = 0;
    long after = 0;
    List<DeadlineDue> page;
    do {
      page = claims.due(now, after, PAGE);
      for (DeadlineDue due : page) {
        after = due.deadlineId();
        if (fire(due, now)) {
          fired++;
        }
      }
    } while (page.size() == PAGE);
    return fired;
  }

  private boolean fire(DeadlineDue due, Instant now) {
    try {
      return claims.claim(due, now, NODE);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Deadline failed and stays pending: " + due);
      return false;
    }
  }

  /** The node's name as it fits {@code claimed_by}. */
  static String node(String runtimeName) {
    return runtimeName.length() <= 100 ? runtimeName : runtimeName.substring(0, 100);
  }
}
