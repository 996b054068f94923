package jp.ishibashi.change.pricing;

import java.util.List;
import jp.ishibashi.shared.Texts;

/**
 * A proposed change: its edits, in the order the proposer made them, and the reason given (shown at
 * the head of the quote's explanation; optional, trimmed).
 */
public record Proposal(List<Edit> edits, String reason) {

  public static final int MAX_REASON = 2000;

  public Proposal {
    edits = List.copyOf(edits);
    reason = Texts.optional(reason, "reason", MAX_REASON);
  }

  public static Proposal of(String reason, Edit... edits) {
    return new Proposal(List.of(edits), reason);
  }
}
