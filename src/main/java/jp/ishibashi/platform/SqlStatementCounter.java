package jp.ishibashi.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Diagnostics: counts the SQL statements that EclipseLink sends during one HTTP request, when
 * {@code portal.diagnostics.sql-count} is true. Off by default; then this customizer (named in
 * {@code persistence.xml}) registers no listener at all, so statements cost nothing extra.
 *
 * <p>EclipseLink 4.0 fires {@code preExecuteCall} exactly once per statement, whatever its kind
 * (select, insert, update, delete, sequence), from {@code AbstractSession.basicExecuteCall}, on
 * the thread that runs it. {@link SqlCountPerRequest} opens a count on the request's thread and
 * closes it when the request ends; statements outside a request are not counted. Batch writing
 * (off in this portal) would send several statements in one call.
 */
public class SqlStatementCounter implements SessionCustomizer {

  /** The MicroProfile Config key that turns counting on. */
  public static final String KEY = "portal.diagnostics.sql-count";

  private static final Logger LOG = Logger.getLogger(SqlStatementCounter.class.getName());
  private static final ThreadLocal<int[]> OPEN = new ThreadLocal<>();
  private static final int KEPT_TAGS = 256;
  private static final Map<String, CompletableFuture<Integer>> BY_TAG =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Integer>> eldest) {
          return size() > KEPT_TAGS;
        }
      };
  private static volatile Boolean enabled;

  @Override
  public void customize(Session session) {
    if (enabled()) {
      session.getEventManager().addListener(new Listener());
      LOG.warning(() -> KEY + " is on: every request logs its SQL statement count");
    }
  }

  /** Whether counting is configured on; read once, like the persistence unit itself. */
  public static boolean enabled() {
    Boolean on = enabled;
    if (on == null) {
      on =
          ConfigProvider.getConfig(SqlStatementCounter.class.getClassLoader())
              .getOptionalValue(KEY, Boolean.class)
              .orElse(false);
      enabled = on;
    }
    return on;
  }

  /** Starts counting this thread's statements. */
  static void open() {
    OPEN.set(new int[1]);
  }

  /** Stops counting on this thread and returns the count. */
  static int close() {
    int[] count = OPEN.get();
    OPEN.remove();
    return count == null ? 0 : count[0];
  }

  /** Keeps a request's count under the tag the client gave it. */
  static void record(String tag, int count) {
    future(tag).complete(count);
  }

  /**
   * The statement count of the request that carried this tag in {@link SqlCountPerRequest#TAG},
   * waiting up to {@code timeout} for that request to end; empty if it did not.
   */
  public static OptionalInt countOf(String tag, Duration timeout) {
    try {
      return OptionalInt.of(future(tag).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<Integer> future(String tag) {
    synchronized (BY_TAG) {
      return BY_TAG.computeIfAbsent(tag, t -> new CompletableFuture<>());
    }
  }

  /** Counts each statement on the thread's open count, if any. */
  private static final class Listener extends SessionEventAdapter {
    @Override
    public void preExecuteCall(SessionEvent event) {
      int[] count = OPEN.get();
      if (count != null) {
        count[0]++;
      }
    }
  }
}
