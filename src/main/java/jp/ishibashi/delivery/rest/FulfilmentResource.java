package jp.ishibashi.delivery.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.delivery.Attachment;
import jp.ishibashi.delivery.Cancellations;
import jp.ishibashi.delivery.Delivery;
import jp.ishibashi.delivery.Deliveries;
import jp.ishibashi.delivery.Funding;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.shared.ContentDisposition;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Funding, delivery, acceptance and cancellation of a signed work order over JSON. Each call maps
 * onto one {@link Funding}, {@link Deliveries} or {@link Cancellations} call for the signed-in
 * actor; anyone who is not a party gets 404, a step the order's lifecycle does not allow now a 409
 * problem naming the allowed actions, and bad input a 400 problem with its key. Lines are named by
 * their ids, as {@code GET /api/work-orders/{id}} lists them.
 */
@Path("work-orders/{id}/fulfilment")
@RequestScoped
@Tag(name = "Escrow and delivery")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentResource {

  @Inject private Funding funding;
  @Inject private Deliveries deliveries;
  @Inject private Cancellations cancellations;
  @Inject private EscrowLedger escrow;
  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;

  /** A payment reference. */
  public record ReferenceBody(String reference) {}

  /** A delivery note, and the lines delivered (their ids; none: every line not yet accepted). */
  public record NoteBody(String note, List<Long> lineIds) {}

  /** Why a delivery is rejected, and the ids of the delivered lines at fault. */
  public record RejectBody(String reason, List<Long> lineIds) {}

  /** A note added to a demand for performance. */
  public record DemandBody(String note) {}

  /** Why the order is cancelled. */
  public record CancelBody(String reason) {}

  /** The escrow's balances, derived from its ledger, and what an amendment still needs. */
  public record EscrowJson(
      String currency,
      String deposited,
      String held,
      String released,
      String refunded,
      String extraDue,
      String orderStatus) {}

  /** One delivery and how its review ended. */
  public record DeliveryJson(
      int number,
      Instant deliveredAt,
      LocalDate receivedOn,
      Instant reviewEndsAt,
      LocalDate paymentDueOn,
      String note,
      String state,
      List<Long> lineIds,
      String rejectionReason,
      List<Long> faultyLineIds) {

    static DeliveryJson of(Delivery d) {
      return new DeliveryJson(
          d.getNumber(),
          d.getDeliveredAt(),
          d.getReceivedOn(),
          d.getReviewEndsAt(),
          d.getPaymentDueOn(),
          d.getNote(),
          d.getState().name(),
          d.lineIds(),
          d.getRejectionReason(),
          d.faultyLineIds());
    }
  }

  /**
   * What a request to end the order did: cancelled now, or the notice recorded; how it ended
   * (CANCELLED, TERMINATED, WITHDRAWN, NON_PERFORMANCE), what was paid and what refunded.
   */
  public record CancelJson(
      boolean cancelled, String endedBy, LocalDate effectiveFrom, String paid, String refunded) {

    static CancelJson of(Cancellations.Outcome outcome) {
      return new CancelJson(
          outcome.cancelled(),
          outcome.how().name(),
          outcome.effectiveFrom(),
          outcome.paid().amount().toPlainString(),
          outcome.refunded().amount().toPlainString());
    }
  }

  @GET
  @Path("escrow")
  @Operation(summary = "The escrow's balances")
  @APIResponse(responseCode = "200", description = "Balances")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public EscrowJson escrow(@PathParam("id") long orderId) {
    return escrowJson(currentUser.actor(), orderId);
  }

  @POST
  @Path("escrow/fund")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Fund the escrow", description = "The agency, with a payment reference.")
  @APIResponse(responseCode = "200", description = "Balances after funding")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public EscrowJson fund(@PathParam("id") long orderId, ReferenceBody body) {
    Actor actor = currentUser.actor();
    funding.fund(actor, orderId, required(body).reference());
    return escrowJson(actor, orderId);
  }

  @POST
  @Path("escrow/fund-extra")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Fund an amendment's extra escrow")
  @APIResponse(responseCode = "200", description = "Balances after funding")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public EscrowJson fundExtra(@PathParam("id") long orderId, ReferenceBody body) {
    Actor actor = currentUser.actor();
    funding.fundExtra(actor, orderId, required(body).reference());
    return escrowJson(actor, orderId);
  }

  @POST
  @Path("start")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record the start of work", description = "The subcontractor; refused before funding.")
  @APIResponse(responseCode = "200", description = "Balances")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public EscrowJson start(@PathParam("id") long orderId) {
    Actor actor = currentUser.actor();
    deliveries.start(actor, orderId);
    return escrowJson(actor, orderId);
  }

  @GET
  @Path("deliveries")
  @Operation(summary = "The deliveries, newest first")
  @APIResponse(responseCode = "200", description = "Deliveries")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<DeliveryJson> deliveries(@PathParam("id") long orderId) {
    return deliveries.deliveries(currentUser.actor(), orderId).stream().map(DeliveryJson::of).toList();
  }

  @POST
  @Path("deliveries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Deliver", description = "The subcontractor; refused before funding.")
  @APIResponse(responseCode = "200", description = "The delivery")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public DeliveryJson deliver(@PathParam("id") long orderId, NoteBody body) {
    return DeliveryJson.of(
        deliveries.deliver(
            currentUser.actor(),
            orderId,
            body == null ? null : body.note(),
            List.of(),
            body == null ? null : body.lineIds()));
  }

  @GET
  @Path("attachments/{attachmentId}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Download a delivered file", description = "Parties only; always an attachment.")
  @APIResponse(responseCode = "200", description = "The file")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response attachment(
      @PathParam("id") long orderId, @PathParam("attachmentId") long attachmentId) {
    Actor actor = currentUser.actor();
    Attachment file = deliveries.attachment(actor, orderId, attachmentId);
    // Streamed from the database as it is sent, never whole in the heap.
    StreamingOutput content = out -> deliveries.copyContent(actor, orderId, attachmentId, out);
    return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_LENGTH, file.getByteCount())
        .header(
            "Content-Disposition",
            ContentDisposition.attachment("delivery-" + attachmentId, file.getFileName()))
        .build();
  }

  @POST
  @Path("deliveries/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept the delivery", description = "The agency; the escrow is released.")
  @APIResponse(responseCode = "200", description = "Balances after release")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public EscrowJson accept(@PathParam("id") long orderId) {
    Actor actor = currentUser.actor();
    deliveries.accept(actor, orderId);
    return escrowJson(actor, orderId);
  }

  @POST
  @Path("deliveries/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject the delivery", description = "The agency: a reason and the lines at fault.")
  @APIResponse(responseCode = "200", description = "The deliveries")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public List<DeliveryJson> reject(@PathParam("id") long orderId, RejectBody body) {
    Actor actor = currentUser.actor();
    RejectBody b = required(body);
    deliveries.reject(actor, orderId, b.reason(), b.lineIds());
    return deliveries(orderId);
  }

  @POST
  @Path("cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "End the order",
      description =
          "Before funding either side cancels at once. After funding the agency terminates (lines"
              + " in progress are paid their kill fee, with 30 days' notice for engagements of six"
              + " months or more) and the subcontractor withdraws (everything not accepted is"
              + " refunded). Refused while a delivery is under review.")
  @APIResponse(responseCode = "200", description = "What the request did")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public CancelJson cancel(@PathParam("id") long orderId, CancelBody body) {
    return CancelJson.of(
        cancellations.cancel(currentUser.actor(), orderId, required(body).reason()));
  }

  @POST
  @Path("demand")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Demand performance (催告)",
      description =
          "The agency, once the due date plus the policy's grace days has passed with lines open:"
              + " the subcontractor must deliver within the policy's demand days. Posted in the"
              + " order's thread as evidence.")
  @APIResponse(responseCode = "200", description = "Balances")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public EscrowJson demand(@PathParam("id") long orderId, DemandBody body) {
    Actor actor = currentUser.actor();
    cancellations.demand(actor, orderId, body == null ? null : body.note());
    return escrowJson(actor, orderId);
  }

  @POST
  @Path("end-for-non-performance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "End the order for non-performance",
      description =
          "The agency, after a demand's deadline passed with nothing delivered since: everything"
              + " not accepted is refunded, without a kill fee.")
  @APIResponse(responseCode = "200", description = "What the request did")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public CancelJson endForNonPerformance(@PathParam("id") long orderId, CancelBody body) {
    return CancelJson.of(
        cancellations.endForNonPerformance(
            currentUser.actor(), orderId, required(body).reason()));
  }

  private EscrowJson escrowJson(Actor actor, long orderId) {
    Ledger ledger = escrow.ledger(actor, orderId);
    WorkOrder order = workOrders.view(actor, orderId).order();
    return new EscrowJson(
        ledger.currency().getCurrencyCode(),
        ledger.deposited().amount().toPlainString(),
        ledger.held().amount().toPlainString(),
        ledger.released().amount().toPlainString(),
        ledger.refunded().amount().toPlainString(),
        funding.extraDue(actor, order).amount().toPlainString(),
        order.getStatus().name());
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new DomainException("error.api.bodyRequired");
    }
    return body;
  }
}
