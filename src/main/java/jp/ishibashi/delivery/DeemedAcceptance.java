package jp.ishibashi.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.ishibashi.deadline.DeadlineDue;

/** Turns a passed review deadline into a deemed acceptance, in the claim's transaction. */
@ApplicationScoped
public class DeemedAcceptance {

  @Inject private Fulfilment fulfilment;

  void onDeadline(@Observes DeadlineDue due) {
    if (due.is(Fulfilment.REVIEW)) {
      fulfilment.deemAccepted(due);
    }
  }
}
