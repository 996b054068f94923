package jp.ishibashi.workorder.web;

import java.time.Instant;
import java.util.List;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;

/**
 * One entry of a line's history as the page shows it: who did what, when, and a redline of the
 * fields that changed from the previous entry (old → new).
 */
public record HistoryEntry(
    Instant at, String actorName, Party party, ScopeLine.Action action, List<Change> changes) {

  /** One changed field, with its old and new values as displayed. */
  public record Change(String field, String before, String after) {}
}
