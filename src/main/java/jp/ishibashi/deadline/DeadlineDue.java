package jp.ishibashi.deadline;

import java.time.Instant;

/**
 * The CDI event of a deadline that fired. Observers run synchronously, in the transaction that
 * claimed the deadline, with the entity manager already bound to the deadline's agency: their
 * effect commits with the claim, or neither does and the deadline is tried again at the next poll.
 * An observer handles its own kinds and ignores the others:
 *
 * <pre>
 * void deemAccepted(&#64;Observes DeadlineDue due) {
 *   if (due.is("delivery.review")) { ... due.tenantId(), due.subjectId() ... }
 * }
 * </pre>
 *
 * @param deadlineId the deadline's row, for logs
 * @param kind what is due, as scheduled
 * @param tenantId the agency the deadline belongs to
 * @param subjectId what it is about, as scheduled
 * @param dueAt when it was due (the poll comes up to 15 s later, or later after an outage)
 */
public record DeadlineDue(
    long deadlineId, String kind, long tenantId, long subjectId, Instant dueAt) {

  /** Whether the deadline is of this kind. */
  public boolean is(String kind) {
    return this.kind.equals(kind);
  }
}
