package jp.ishibashi.workorder;

/**
 * What the work order list asks for: optional filters and one sort column.
 *
 * @param sortBy one of {@code number}, {@code title}, {@code deliveryDate}, {@code status},
 *     {@code createdAt}; anything else sorts by creation, newest first
 */
public record WorkOrderSearch(
    WorkOrderStatus status, Long subcontractorId, String sortBy, boolean ascending) {

  public static WorkOrderSearch newestFirst() {
    return new WorkOrderSearch(null, null, "createdAt", false);
  }

  String orderByClause() {
    String column =
        switch (sortBy == null ? "" : sortBy) {
          case "number" -> "o.number";
          case "title" -> "o.title";
          case "deliveryDate" -> "o.deliveryDate";
          case "status" -> "o.status";
          default -> "o.createdAt";
        };
    return " order by " + column + (ascending ? " asc" : " desc") + ", o.id desc";
  }
}
