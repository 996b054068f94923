package jp.ishibashi.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.ishibashi.deadline.DeadlineDue;

/**
 * Acts on a delivery's deadlines in the claim's transaction: the reminder two days before the
 * review period ends, and the deemed acceptance when it has ended.
 */
@ApplicationScoped
public class DeemedAcceptance {

  @Inject private Fulfilment fulfilment;

  void onDeadline(@Observes DeadlineDue due) {
    if (due.is(Fulfilment.REVIEW)) {
      fulfilment.deemAccepted(due);
    } else if (due.is(Fulfilment.REVIEW_REMINDER)) {
      fulfilment.remindReview(due);
    }
  }
}
