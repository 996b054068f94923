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

  @Inject private Deliveries deliveries;

  void onDeadline(@Observes DeadlineDue due) {
    if (due.is(Deliveries.REVIEW)) {
      deliveries.deemAccepted(due);
    } else if (due.is(Deliveries.REVIEW_REMINDER)) {
      deliveries.remindReview(due);
    }
  }
}
