package jp.ishibashi.message.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.message.OrderMessage;
import jp.ishibashi.message.OrderMessages;
import jp.ishibashi.shared.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A work order's message thread and its evidence, for the order's two parties; each call maps
 * onto one {@link OrderMessages} call, which answers 404 to anyone else.
 */
@Path("work-orders/{id}/messages")
@RequestScoped
@Tag(name = "Messages")
@Produces(MediaType.APPLICATION_JSON)
public class OrderMessagesResource {

  @Inject private OrderMessages messages;
  @Inject private CurrentUser currentUser;

  /** A new message. */
  public record MessageBody(String body) {}

  @GET
  @Operation(summary = "The message thread", description = "Oldest first.")
  @APIResponse(responseCode = "200", description = "The messages")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<MessageJson> thread(@PathParam("id") long orderId) {
    return json(messages.thread(currentUser.actor(), orderId));
  }

  @GET
  @Path("evidence")
  @Operation(
      summary = "The instructions before funding",
      description = "The agency's messages sent while the order was signed but not funded.")
  @APIResponse(responseCode = "200", description = "The flagged messages")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<MessageJson> evidence(@PathParam("id") long orderId) {
    return json(messages.evidence(currentUser.actor(), orderId));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a message",
      description =
          "1 to 4000 characters. The agency's messages on a signed, unfunded order are flagged"
              + " beforeFunding.")
  @APIResponse(responseCode = "201", description = "The message")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response post(@PathParam("id") long orderId, MessageBody body) {
    if (body == null) {
      throw new DomainException("error.api.bodyRequired");
    }
    OrderMessage sent = messages.post(currentUser.actor(), orderId, body.body());
    return Response.status(Response.Status.CREATED).entity(MessageJson.of(sent)).build();
  }

  private static List<MessageJson> json(List<OrderMessage> list) {
    return list.stream().map(MessageJson::of).toList();
  }
}
