package jp.ishibashi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs a piece of work in a transaction of its own, committed (or rolled back) before the caller's
 * transaction goes on. A bean of its own, because the transaction interceptor applies only to calls
 * that come through a bean's proxy, never to a bean calling itself.
 */
@ApplicationScoped
class OwnTransaction {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable work) {
    work.run();
  }
}
