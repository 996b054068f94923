package jp.ishibashi.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.ishibashi.agreement.AgreementSealed;

/**
 * Ends the order when the amendment both parties just signed cancels its rest (a
 * CANCEL_REMAINING change request): the mutual way out, settled as the quote priced it.
 */
@ApplicationScoped
public class AgreedEnding {

  @Inject private Cancellations cancellations;

  void onSealed(@Observes AgreementSealed sealed) {
    if (sealed.order().isEndingAgreed()) {
      cancellations.endByAgreement(sealed.actor(), sealed.order(), sealed.version());
    }
  }
}
