package jp.ishibashi.workorder;

import java.time.LocalDate;
import java.util.List;

/**
 * What an accepted change request does to a signed order's scope, in the order's own terms:
 * lines to add (agreed as they are), lines whose content changes, lines removed, and the new
 * delivery date (null: unchanged).
 *
 * @param proposedBy the side whose proposal was accepted, recorded on the added lines
 * @param endsOrder whether the change cancels the rest of the order: signing it ends the order
 */
public record AcceptedChange(
    Party proposedBy,
    List<LineContent> added,
    List<Modified> modified,
    List<Long> removed,
    LocalDate newDeliveryDate,
    boolean endsOrder) {

  public AcceptedChange {
    added = List.copyOf(added);
    modified = List.copyOf(modified);
    removed = List.copyOf(removed);
  }

  /** A line's new content. */
  public record Modified(long lineId, LineContent content) {}
}
