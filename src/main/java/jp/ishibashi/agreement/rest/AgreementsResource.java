package jp.ishibashi.agreement.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.agreement.SignedPdf;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.web.rest.ApiLanguage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A work order's agreement versions: list them, read the consent statement, sign, and download
 * the signed PDF. Only the order's parties get anything but a 404.
 */
@Path("work-orders/{id}/agreements")
@RequestScoped
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementsResource {

  @Inject private Agreements agreements;
  @Inject private CurrentUser currentUser;

  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  /** What a signer sends: the content hash they reviewed and their password. */
  public record SignBody(String contentHash, String password) {}

  /** The statement a signature confirms, in the request's language, with the hash it names. */
  public record ConsentJson(String language, String text, String contentHash) {}

  @GET
  @Operation(summary = "List the agreement versions", description = "Newest first.")
  @APIResponse(responseCode = "200", description = "The versions")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<AgreementJson> list(@PathParam("id") long orderId) {
    return agreements.ofOrder(currentUser.actor(), orderId).stream()
        .map(a -> AgreementJson.of(a, uri.getBaseUri().toString()))
        .toList();
  }

  @GET
  @Path("{agreementId}/consent")
  @Operation(
      summary = "The consent statement",
      description = "The text a signature confirms, in the Accept-Language (ja or en).")
  @APIResponse(responseCode = "200", description = "The statement")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ConsentJson consent(
      @PathParam("id") long orderId, @PathParam("agreementId") long agreementId) {
    Locale locale = language();
    Agreement agreement = find(orderId, agreementId);
    return new ConsentJson(
        locale.getLanguage(),
        agreements.consentText(currentUser.actor(), orderId, agreementId, locale),
        agreement.getContentHash());
  }

  @POST
  @Path("{agreementId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign an agreement version",
      description =
          "Re-checks the password; records the signature on the content hash given, with the"
              + " consent statement in the Accept-Language. When both parties have signed, the"
              + " signed PDF is produced and the order is SIGNED.")
  @APIResponse(responseCode = "200", description = "The agreement after signing")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AgreementJson sign(
      @PathParam("id") long orderId, @PathParam("agreementId") long agreementId, SignBody body) {
    if (body == null) {
      throw new DomainException("error.api.bodyRequired");
    }
    Agreement signed =
        agreements.sign(
            currentUser.actor(),
            orderId,
            agreementId,
            body.contentHash(),
            body.password(),
            language());
    return AgreementJson.of(signed, uri.getBaseUri().toString());
  }

  @GET
  @Path("{version}/pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "Download a signed agreement",
      description = "The PDF exactly as signed by both parties, as an attachment.")
  @APIResponse(responseCode = "200", description = "The signed PDF")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response pdf(@PathParam("id") long orderId, @PathParam("version") int version) {
    SignedPdf pdf = agreements.document(currentUser.actor(), orderId, version);
    return Response.ok(pdf.bytes(), "application/pdf")
        .header("Content-Disposition", pdf.contentDisposition())
        .header("Content-Length", pdf.bytes().length)
        .build();
  }

  private Agreement find(long orderId, long agreementId) {
    return agreements.ofOrder(currentUser.actor(), orderId).stream()
        .filter(a -> a.getId() == agreementId)
        .findFirst()
        .orElseThrow(jp.ishibashi.shared.NotFoundException::new);
  }

  private Locale language() {
    return ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }
}
