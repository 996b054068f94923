package jp.ishibashi.workorder.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.workorder.WorkOrders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The subcontractors an agency may address work orders to: its active engagements. */
@Path("subcontractors")
@RequestScoped
@Tag(name = "Work orders")
@Produces(MediaType.APPLICATION_JSON)
public class SubcontractorsResource {

  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;

  @GET
  @Operation(
      summary = "The agency's engaged subcontractors",
      description =
          "For agency staff: the ids to use as subcontractorId. A subcontractor gets 404.")
  @APIResponse(responseCode = "200", ref = "Subcontractors")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<SubcontractorJson> list() {
    return workOrders.engagedSubcontractors(currentUser.actor()).stream()
        .map(s -> new SubcontractorJson(s.getId(), s.getDisplayName()))
        .toList();
  }
}
