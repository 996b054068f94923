package jp.ishibashi.message.rest;

import java.time.Instant;
import jp.ishibashi.message.OrderMessage;
import jp.ishibashi.workorder.Party;

/** A message of a work order's thread, as the REST API shows it. */
public record MessageJson(
    long id,
    Party party,
    String senderName,
    String body,
    Instant sentAt,
    boolean beforeFunding,
    boolean demand) {

  public static MessageJson of(OrderMessage m) {
    return new MessageJson(
        m.getId(),
        m.getParty(),
        m.getSender().getDisplayName(),
        m.getBody(),
        m.getSentAt(),
        m.isBeforeFunding(),
        m.isDemand());
  }
}
