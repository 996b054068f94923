package jp.ishibashi.workorder.rest;

import java.time.Instant;
import java.time.LocalDate;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;

/** A work order as the list shows it, without its lines. */
public record WorkOrderSummaryJson(
    long id,
    String number,
    long version,
    String title,
    WorkOrderStatus status,
    WorkOrder.TermsState termsState,
    Long subcontractorId,
    String subcontractorName,
    LocalDate deliveryDate,
    String currency,
    Instant createdAt,
    Instant sentAt) {

  static WorkOrderSummaryJson of(WorkOrder order) {
    return new WorkOrderSummaryJson(
        order.getId(),
        order.getNumber(),
        order.getVersion(),
        order.getTitle(),
        order.getStatus(),
        order.getTermsState(),
        order.getSubcontractor() == null ? null : order.getSubcontractor().getId(),
        order.getSubcontractor() == null ? null : order.getSubcontractor().getDisplayName(),
        order.getDeliveryDate(),
        order.getCurrency(),
        order.getCreatedAt(),
        order.getSentAt());
  }
}
