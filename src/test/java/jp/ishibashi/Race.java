package jp.ishibashi;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs the same work on several container threads released at the same instant, each in
 * transactions of its own, and reports how each ended. For in-container tests of races.
 */
public final class Race {

  /** How one contender ended: with a value, or with what it threw. */
  public record Outcome<T>(T value, Throwable failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  private Race() {}

  public static <T> List<Outcome<T>> run(int contenders, Callable<T> work) {
    CountDownLatch ready = new CountDownLatch(contenders);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome<T>>> futures = new ArrayList<>();
    ManagedExecutorService executor = executor();
    for (int i = 0; i < contenders; i++) {
      futures.add(
          executor.submit(
              () -> {
                ready.countDown();
                go.await();
                try {
                  return new Outcome<T>(work.call(), null);
                } catch (Exception | AssertionError e) {
                  return new Outcome<T>(null, e);
                }
              }));
    }
    try {
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The contenders did not all start");
      }
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<Outcome<T>> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ManagedExecutorService executor() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }
}
