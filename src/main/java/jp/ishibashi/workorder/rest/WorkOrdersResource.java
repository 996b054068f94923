package jp.ishibashi.workorder.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.web.rest.ApiLanguage;
import jp.ishibashi.web.rest.ProblemException;
import jp.ishibashi.web.rest.Problems;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderSearch;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The work order use cases over JSON. Each call maps the request onto one {@link WorkOrders} call
 * for the signed-in actor — which enforces every rule and answers 404 for orders the actor may not
 * see — and answers with the order as it is afterwards. A change based on an outdated version
 * answers 409 with the current order.
 */
@Path("work-orders")
@RequestScoped
@Tag(name = "Work orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrdersResource {

  static final int MAX_PAGE_SIZE = 100;
  private static final Set<String> SORTS =
      Set.of("number", "title", "deliveryDate", "status", "createdAt");
  // A path id that is not a number fails conversion, which JAX-RS answers with 404.
  private static final String ORDER = "{id}";
  private static final String LINE = ORDER + "/lines/{lineId}";

  @Inject private WorkOrders workOrders;
  @Inject private CurrentUser currentUser;

  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @GET
  @Operation(
      summary = "List work orders",
      description =
          "The orders the user may see: all of the agency's for staff, the sent ones addressed to"
              + " them for a subcontractor. Newest first unless sorted.")
  @APIResponse(responseCode = "200", ref = "OrderPage")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public WorkOrderPageJson list(
      @Parameter(
              description =
                  "DRAFT, NEGOTIATING, AGREED, SIGNED, FUNDED, DELIVERED, PAID or"
                      + " CANCELLED")
          @QueryParam("status")
          String status,
      @QueryParam("subcontractorId") String subcontractorId,
      @Parameter(description = "number, title, deliveryDate, status or createdAt (default)")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "true for ascending; default false") @QueryParam("asc") String asc,
      @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
      @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
    WorkOrderSearch search =
        new WorkOrderSearch(
            status(status), number(subcontractorId, "subcontractorId"), sort(sort), bool(asc));
    int pageNumber = (int) range(page, "page", 0, Integer.MAX_VALUE, 0);
    int pageSize = (int) range(size, "size", 1, MAX_PAGE_SIZE, 20);
    int first;
    try {
      first = Math.multiplyExact(pageNumber, pageSize);
    } catch (ArithmeticException tooFar) {
      throw DomainException.at("page", "error.api.parameter");
    }
    Actor actor = currentUser.actor();
    List<WorkOrderSummaryJson> items =
        workOrders.search(actor, search, first, pageSize).stream()
            .map(WorkOrderSummaryJson::of)
            .toList();
    return new WorkOrderPageJson(items, pageNumber, pageSize, workOrders.count(actor, search));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a work order",
      description = "A draft with the given terms, for agency staff. Lines are added afterwards.")
  @APIResponse(responseCode = "201", ref = "Created")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response create(TermsBody body) {
    Actor actor = currentUser.actor();
    WorkOrder order = workOrders.create(actor, required(body).terms());
    URI location = uri.getAbsolutePathBuilder().path(String.valueOf(order.getId())).build();
    return Response.created(location).entity(json(actor, order.getId())).build();
  }

  @GET
  @Path(ORDER)
  @Operation(summary = "A work order with its terms, lines and totals")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WorkOrderJson get(@PathParam("id") long id) {
    return json(currentUser.actor(), id);
  }

  @PUT
  @Path(ORDER + "/terms")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revise the terms",
      description =
          "For agency staff. Once sent, the subcontractor has to accept the revised terms again.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson reviseTerms(@PathParam("id") long id, TermsBody body) {
    TermsBody terms = required(body);
    return change(
        id, actor -> workOrders.reviseTerms(actor, id, version(terms.version()), terms.terms()));
  }

  @POST
  @Path(ORDER + "/send")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send the draft to the subcontractor",
      description =
          "Refused (400, key error.workOrder.missingTerms) while required terms are missing; the"
              + " problem lists them in \"missing\".")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson send(@PathParam("id") long id, VersionBody body) {
    long version = version(body);
    return change(id, actor -> workOrders.send(actor, id, version));
  }

  @POST
  @Path(ORDER + "/terms/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept the terms", description = "For the subcontractor.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson acceptTerms(@PathParam("id") long id, VersionBody body) {
    long version = version(body);
    return change(id, actor -> workOrders.acceptTerms(actor, id, version));
  }

  @POST
  @Path(ORDER + "/lines")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Propose a new line",
      description = "In a draft only the agency adds lines; once sent, either side proposes.")
  @APIResponse(responseCode = "201", ref = "Created")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response addLine(@PathParam("id") long id, LineBody body) {
    LineBody line = required(body);
    Actor actor = currentUser.actor();
    long lineId = guarded(actor, id, () -> workOrders.addLine(actor, id, line.input()).getId());
    URI location = uri.getAbsolutePathBuilder().path(String.valueOf(lineId)).build();
    return Response.created(location).entity(json(actor, id)).build();
  }

  @GET
  @Path(LINE)
  @Operation(summary = "One line of a work order")
  @APIResponse(responseCode = "200", ref = "Line")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public WorkOrderJson.LineJson line(@PathParam("id") long id, @PathParam("lineId") long lineId) {
    return json(currentUser.actor(), id).lines().stream()
        .filter(l -> l.id() == lineId)
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  @PUT
  @Path(LINE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Edit or counter a line",
      description =
          "New content for the line: a counter-proposal when the other side proposed it, else a"
              + " revised proposal. Editing an accepted line reopens it.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson editLine(
      @PathParam("id") long id, @PathParam("lineId") long lineId, LineBody body) {
    LineBody line = required(body);
    long version = version(line.version());
    return change(id, actor -> workOrders.editLine(actor, id, lineId, version, line.input()));
  }

  @POST
  @Path(LINE + "/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Accept a line",
      description = "Accepts the other side's proposal, or its proposed removal.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson acceptLine(
      @PathParam("id") long id, @PathParam("lineId") long lineId, VersionBody body) {
    long version = version(body);
    return change(id, actor -> workOrders.acceptLine(actor, id, lineId, version));
  }

  @DELETE
  @Path(LINE)
  @Operation(
      summary = "Delete a line, or propose its removal",
      description =
          "In a draft the agency deletes the line; once sent, either side proposes removing it."
              + " Needs Content-Type application/json like every change, even without a body.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson removeLine(
      @PathParam("id") long id,
      @PathParam("lineId") long lineId,
      @Parameter(description = "The line version", required = true) @QueryParam("version")
          String version) {
    long seen = version(number(version, "version"));
    return change(id, actor -> workOrders.removeLine(actor, id, lineId, seen));
  }

  @POST
  @Path(LINE + "/keep")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Keep a line whose removal the other side proposed",
      description = "The line is proposed again, unchanged, by the side that keeps it.")
  @APIResponse(responseCode = "200", ref = "Order")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkOrderJson keepLine(
      @PathParam("id") long id, @PathParam("lineId") long lineId, VersionBody body) {
    long version = version(body);
    return change(id, actor -> workOrders.keepLine(actor, id, lineId, version));
  }

  @GET
  @Path(ORDER + "/history")
  @Operation(summary = "The negotiation history of every line")
  @APIResponse(responseCode = "200", ref = "History")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public HistoryJson history(@PathParam("id") long id) {
    return HistoryJson.of(workOrders.view(currentUser.actor(), id));
  }

  /** Runs a change and answers with the order as it is afterwards. */
  private WorkOrderJson change(long id, Consumer<Actor> action) {
    Actor actor = currentUser.actor();
    guarded(
        actor,
        id,
        () -> {
          action.accept(actor);
          return null;
        });
    return json(actor, id);
  }

  /** Runs a change; a conflict carries the current order, so the client can retry on it. */
  private <T> T guarded(Actor actor, long id, Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      if (Problems.isConflict(e)) {
        throw new ProblemException(e, currentOrNull(actor, id));
      }
      throw e;
    }
  }

  private WorkOrderJson currentOrNull(Actor actor, long id) {
    try {
      return json(actor, id);
    } catch (DomainException gone) {
      return null;
    }
  }

  private WorkOrderJson json(Actor actor, long id) {
    return WorkOrderJson.of(workOrders.view(actor, id), locale());
  }

  private Locale locale() {
    return ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new DomainException("error.api.bodyRequired");
    }
    return body;
  }

  private static long version(VersionBody body) {
    return version(required(body).version());
  }

  private static long version(Long version) {
    if (version == null) {
      throw DomainException.at("version", "error.field.required");
    }
    return version;
  }

  private static WorkOrderStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return WorkOrderStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw DomainException.at("status", "error.api.parameter");
    }
  }

  private static String sort(String value) {
    if (value == null || value.isBlank()) {
      return "createdAt";
    }
    if (!SORTS.contains(value)) {
      throw DomainException.at("sort", "error.api.parameter");
    }
    return value;
  }

  private static boolean bool(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DomainException.at("asc", "error.api.parameter");
    };
  }

  private static Long number(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw DomainException.at(field, "error.api.parameter");
    }
  }

  private static long range(String value, String field, long min, long max, long absent) {
    Long n = number(value, field);
    if (n == null) {
      return absent;
    }
    if (n < min || n > max) {
      throw "size".equals(field)
          ? DomainException.at(field, "error.api.pageSize", MAX_PAGE_SIZE)
          : DomainException.at(field, "error.api.parameter");
    }
    return n;
  }
}
