package jp.ishibashi.change.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.change.ChangeProposal;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.change.QuoteSnapshot;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Actor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signed work order's change requests: preview a quote, propose, counter, accept, reject and
 * withdraw. Each call maps onto one {@link ChangeRequests} call for the signed-in actor, which
 * enforces every rule and answers 404 to anyone who is not a party.
 */
@Path("work-orders/{id}/change-requests")
@RequestScoped
@Tag(name = "Change requests")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestsResource {

  @Inject private ChangeRequests changes;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;
  @Context private UriInfo uri;

  /** Why a change is rejected. */
  public record RejectBody(String reason) {}

  @GET
  @Operation(summary = "List the change requests", description = "Newest first, with quotes.")
  @APIResponse(responseCode = "200", description = "The change requests")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<ChangeRequestJson> list(@PathParam("id") long orderId) {
    Instant now = clock.now();
    return changes.pricedOfOrder(currentUser.actor(), orderId).stream()
        .map(priced -> ChangeRequestJson.of(priced, now))
        .toList();
  }

  @GET
  @Path("{requestId}")
  @Operation(summary = "A change request with its quote")
  @APIResponse(responseCode = "200", description = "The change request")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ChangeRequestJson get(@PathParam("id") long orderId, @PathParam("requestId") long requestId) {
    return json(currentUser.actor(), orderId, requestId);
  }

  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Price a proposal without saving it",
      description = "The quote the proposal would get now: breakdown, surcharge, extension.")
  @APIResponse(responseCode = "200", description = "The quote")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public QuoteSnapshot preview(@PathParam("id") long orderId, ChangeProposal proposal) {
    return changes.preview(currentUser.actor(), orderId, body(proposal));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Propose a change",
      description =
          "Edits: ADD_LINE, MODIFY_LINE (line = the agreement's line number), REMOVE_LINE,"
              + " MOVE_DUE_DATE, CANCEL_REMAINING. Priced at once; the other party decides.")
  @APIResponse(responseCode = "201", description = "The priced change request")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response propose(@PathParam("id") long orderId, ChangeProposal proposal) {
    Actor actor = currentUser.actor();
    ChangeRequest created = changes.propose(actor, orderId, body(proposal));
    return created(actor, orderId, created);
  }

  @POST
  @Path("{requestId}/counter")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Counter with a proposal of your own", description = "For the other party.")
  @APIResponse(responseCode = "201", description = "The counter, priced")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response counter(
      @PathParam("id") long orderId,
      @PathParam("requestId") long requestId,
      ChangeProposal proposal) {
    Actor actor = currentUser.actor();
    ChangeRequest created = changes.counter(actor, orderId, requestId, body(proposal));
    return created(actor, orderId, created);
  }

  @POST
  @Path("{requestId}/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Accept the quote",
      description =
          "For the other party. The order changes and the amended agreement awaits both"
              + " signatures. Refused when the quote expired or the agreement moved on.")
  @APIResponse(responseCode = "200", description = "The accepted change request")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public ChangeRequestJson accept(
      @PathParam("id") long orderId, @PathParam("requestId") long requestId) {
    Actor actor = currentUser.actor();
    changes.accept(actor, orderId, requestId);
    return json(actor, orderId, requestId);
  }

  @POST
  @Path("{requestId}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject the quote", description = "For the other party; a reason is needed.")
  @APIResponse(responseCode = "200", description = "The rejected change request")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public ChangeRequestJson reject(
      @PathParam("id") long orderId, @PathParam("requestId") long requestId, RejectBody body) {
    Actor actor = currentUser.actor();
    changes.reject(actor, orderId, requestId, body == null ? null : body.reason());
    return json(actor, orderId, requestId);
  }

  @POST
  @Path("{requestId}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Withdraw your change request")
  @APIResponse(responseCode = "200", description = "The withdrawn change request")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public ChangeRequestJson withdraw(
      @PathParam("id") long orderId, @PathParam("requestId") long requestId) {
    Actor actor = currentUser.actor();
    changes.withdraw(actor, orderId, requestId);
    return json(actor, orderId, requestId);
  }

  private ChangeRequestJson json(Actor actor, long orderId, long requestId) {
    return ChangeRequestJson.of(changes.get(actor, orderId, requestId), clock.now());
  }

  private Response created(Actor actor, long orderId, ChangeRequest created) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path("work-orders/{id}/change-requests/{requestId}")
                .build(orderId, created.getId()))
        .entity(json(actor, orderId, created.getId()))
        .build();
  }

  private static ChangeProposal body(ChangeProposal proposal) {
    if (proposal == null) {
      throw new DomainException("error.api.bodyRequired");
    }
    return proposal;
  }
}
