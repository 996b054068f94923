package jp.ishibashi.workorder.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.shared.Money;
import jp.ishibashi.web.rest.ApiLanguage;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.LineState;
import jp.ishibashi.workorder.Ending;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrderView;

/**
 * A work order as the API shows it to one side: its terms, its lines with their negotiation state,
 * the totals, what is still missing before it can be sent, and whether the viewer has something to
 * answer. Amounts are decimal strings in the order's currency.
 *
 * @param you the viewer's side
 * @param awaitingYou whether the viewer has terms or lines to answer
 * @param allowedActions what the viewer may do now, by the order's lifecycle table
 * @param amendmentPending whether an accepted change awaits both signatures
 * @param endedBy how a cancelled order ended (CANCELLED, TERMINATED, WITHDRAWN, NON_PERFORMANCE)
 */
public record WorkOrderJson(
    long id,
    String number,
    long version,
    WorkOrderStatus status,
    WorkOrder.TermsState termsState,
    Party you,
    boolean awaitingYou,
    List<OrderAction> allowedActions,
    boolean amendmentPending,
    Ending endedBy,
    String agencyName,
    TermsJson terms,
    List<LineJson> lines,
    TotalsJson totals,
    List<MissingTermJson> missingTerms,
    Instant createdAt,
    Instant sentAt,
    Instant agreedAt) {

  /** The terms, with the subcontractor's name and the derived inspection deadline. */
  public record TermsJson(
      String title,
      String description,
      Long subcontractorId,
      String subcontractorName,
      String language,
      String currency,
      LocalDate commissionedOn,
      LocalDate periodStart,
      LocalDate deliveryDate,
      String placeOfDelivery,
      int reviewDays,
      LocalDate inspectionDeadline,
      LocalDate paymentDueDate,
      String paymentMethod) {}

  /**
   * One scope line.
   *
   * @param position 1 for the first line as listed
   * @param awaitingYou whether the viewer is the side to answer this line
   */
  public record LineJson(
      long id,
      long version,
      int position,
      LineState state,
      Party proposedBy,
      boolean awaitingYou,
      String text,
      String deliverable,
      String acceptanceCriteria,
      String quantity,
      Unit unit,
      String unitPrice,
      String amount) {}

  /** Subtotal, 10% consumption tax and total of the lines that count. */
  public record TotalsJson(String currency, String subtotal, String tax, String total) {}

  /** A required term (3条明示事項) that is still missing: its message key and its text. */
  public record MissingTermJson(String key, String text) {}

  static WorkOrderJson of(WorkOrderView view, Locale locale) {
    WorkOrder order = view.order();
    Currency currency = order.currencyUnit();
    List<LineJson> lines = new ArrayList<>();
    List<ScopeLine> all = order.getLines();
    for (int i = 0; i < all.size(); i++) {
      ScopeLine line = all.get(i);
      LineContent c = line.getContent();
      lines.add(
          new LineJson(
              line.getId(),
              line.getVersion(),
              i + 1,
              line.getState(),
              line.getProposedBy(),
              line.awaits(view.viewer()),
              c.getText(),
              c.getDeliverable(),
              c.getAcceptanceCriteria(),
              decimal(c.getQuantity()),
              c.getUnit(),
              decimal(c.unitPrice(currency)),
              decimal(c.amount(currency))));
    }
    Totals totals = order.totals();
    return new WorkOrderJson(
        order.getId(),
        order.getNumber(),
        order.getVersion(),
        order.getStatus(),
        order.getTermsState(),
        view.viewer(),
        order.awaits(view.viewer()),
        List.copyOf(view.allowed()),
        order.isAmendmentPending(),
        order.getEndedBy(),
        view.agencyName(),
        new TermsJson(
            order.getTitle(),
            order.getDescription(),
            order.getSubcontractor() == null ? null : order.getSubcontractor().getId(),
            order.getSubcontractor() == null ? null : order.getSubcontractor().getDisplayName(),
            order.getLanguage(),
            order.getCurrency(),
            order.getCommissionedOn(),
            order.getPeriodStart(),
            order.getDeliveryDate(),
            order.getPlaceOfDelivery(),
            order.getReviewDays(),
            order.inspectionDeadline(),
            order.getPaymentDueDate(),
            order.getPaymentMethod()),
        lines,
        new TotalsJson(
            order.getCurrency(),
            decimal(totals.subtotal()),
            decimal(totals.tax()),
            decimal(totals.total())),
        order.missingTerms().stream()
            .map(key -> new MissingTermJson(key, ApiLanguage.text(locale, key)))
            .toList(),
        order.getCreatedAt(),
        order.getSentAt(),
        order.getAgreedAt());
  }

  /** An amount as a plain decimal string with the currency's decimals: "150000", "12.50". */
  static String decimal(Money money) {
    return money.amount().toPlainString();
  }

  /** A quantity as a plain decimal string without trailing zeros: "1", "2.5". */
  static String decimal(BigDecimal quantity) {
    return quantity.stripTrailingZeros().toPlainString();
  }
}
