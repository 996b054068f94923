package jp.ishibashi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.ishibashi.workorder.NegotiationEvent;
import jp.ishibashi.workorder.Party;

/** Tells the other side about a negotiation's events, in the event's transaction. */
@ApplicationScoped
public class NegotiationNotices {

  @Inject private OrderNotices notices;

  void on(@Observes NegotiationEvent event) {
    switch (event.type()) {
      case SENT ->
          notices.to(
              event.actor(), event.order(), Party.SUBCONTRACTOR, NotificationKind.ORDER_SENT);
      case LINE_COUNTERED ->
          notices.toOtherSide(
              event.actor(),
              event.order(),
              event.by(),
              NotificationKind.LINE_COUNTERED,
              String.valueOf(event.line()));
    }
  }
}
