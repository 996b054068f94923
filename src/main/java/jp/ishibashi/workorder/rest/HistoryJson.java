package jp.ishibashi.workorder.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.LineRevision;
import jp.ishibashi.workorder.LineState;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrderView;

/**
 * The negotiation history of a work order: for each line, every revision with who did what and when
 * (UTC), and the line's values after it.
 */
public record HistoryJson(long orderId, long version, List<LineHistoryJson> lines) {

  /** The revisions of one line, oldest first. */
  public record LineHistoryJson(
      long lineId, int position, LineState state, List<RevisionJson> revisions) {}

  /** One revision and the line's values after it. */
  public record RevisionJson(
      ScopeLine.Action action,
      Party party,
      String actorName,
      Instant at,
      String text,
      String deliverable,
      String acceptanceCriteria,
      String quantity,
      Unit unit,
      String unitPrice,
      String amount) {}

  static HistoryJson of(WorkOrderView view) {
    Currency currency = view.order().currencyUnit();
    List<LineHistoryJson> lines = new ArrayList<>();
    List<ScopeLine> all = view.order().getLines();
    for (int i = 0; i < all.size(); i++) {
      ScopeLine line = all.get(i);
      List<RevisionJson> revisions =
          view.historyOf(line).stream().map(r -> revision(r, currency)).toList();
      lines.add(new LineHistoryJson(line.getId(), i + 1, line.getState(), revisions));
    }
    return new HistoryJson(view.order().getId(), view.order().getVersion(), lines);
  }

  private static RevisionJson revision(LineRevision r, Currency currency) {
    LineContent c = r.getContent();
    return new RevisionJson(
        r.getAction(),
        r.getParty(),
        r.getActorName(),
        r.getAt(),
        c.getText(),
        c.getDeliverable(),
        c.getAcceptanceCriteria(),
        WorkOrderJson.decimal(c.getQuantity()),
        c.getUnit(),
        WorkOrderJson.decimal(c.unitPrice(currency)),
        WorkOrderJson.decimal(c.amount(currency)));
  }
}
