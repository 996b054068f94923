package jp.ishibashi.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a verification of an agency's audit chain found: how many chained events it checked, how
 * many legacy events (recorded before the chain, without a hash) precede the chain, and the first
 * broken link, if any. Verification stops at the first break: every later link depends on it.
 *
 * @param checked chained events checked, the broken one included
 * @param legacy events without a hash, which are not checked
 * @param firstBreak the first broken link, or null when the chain is intact
 */
public record ChainVerification(long checked, long legacy, Break firstBreak)
    implements Serializable {

  /** Why a link is broken. */
  public enum Reason {
    /** The event's fields no longer give its stored hash: the event was changed. */
    HASH_MISMATCH,
    /** The event's previous hash is not the hash of the event before it. */
    PREVIOUS_HASH_MISMATCH,
    /** The event's seq is not the next one: events before it are missing. */
    SEQ_GAP,
    /** The chain does not end where its head says: events at the end are missing or replaced. */
    HEAD_MISMATCH
  }

  /**
   * The first broken link.
   *
   * @param eventId the event at fault; for {@link Reason#HEAD_MISMATCH} the chain's last event
   *     (null when there is none)
   * @param seq that event's seq (0 when there is none)
   * @param at that event's time (null when there is none)
   * @param reason why the link is broken
   * @param expectedSeq the seq expected there: the next one for a gap, the head's last seq for a
   *     head mismatch, otherwise the event's own
   */
  public record Break(Long eventId, long seq, Instant at, Reason reason, long expectedSeq)
      implements Serializable {}

  public boolean intact() {
    return firstBreak == null;
  }
}
