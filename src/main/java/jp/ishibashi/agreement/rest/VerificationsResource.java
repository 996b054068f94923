package jp.ishibashi.agreement.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.agreement.AgreementSealer;
import jp.ishibashi.agreement.Verdict;
import jp.ishibashi.agreement.Verifications;
import jp.ishibashi.web.rest.ApiLanguage;
import jp.ishibashi.web.rest.Problems;
import jp.ishibashi.web.rest.SignInNotRequired;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public verification of agreement PDFs, and the portal's CA certificate: no sign-in needed.
 * The PDF is the request body itself ({@code application/pdf}), at most 20 MB.
 */
@Path("")
@RequestScoped
@Tag(name = "Verification")
public class VerificationsResource {

  /** The verdict over JSON, with a sentence in the request's language. */
  public record VerdictJson(
      String outcome,
      String message,
      String reason,
      String orderNumber,
      Integer version,
      List<Verdict.Signed> signers) {}

  @Inject private Verifications verifications;
  @Inject private AgreementSealer sealer;
  @Context private HttpHeaders headers;

  @POST
  @Path("verifications")
  @SignInNotRequired
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Verify an agreement PDF",
      description =
          "GENUINE: exactly a signed agreement of the portal. ALTERED: a portal agreement changed"
              + " after signing. NOT_OURS: another PDF. A body that is not a PDF answers 415 and one"
              + " over 20 MB answers 413.")
  @APIResponse(responseCode = "200", description = "The verdict")
  @APIResponse(responseCode = "413", description = "Larger than 20 MB")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response verify(InputStream body) throws IOException {
    Verdict verdict = verifications.verify(body);
    if (verdict.outcome() == Verdict.Outcome.TOO_LARGE) {
      // Read the rest (up to the container's own limit), so the client sees the answer rather
      // than a connection closed in the middle of its upload.
      body.transferTo(OutputStream.nullOutputStream());
    }
    Locale locale = ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    return switch (verdict.outcome()) {
      case TOO_LARGE ->
          Problems.response(
              Problems.problem(413, locale, "verify.outcome.TOO_LARGE", Verifications.MAX_BYTES / 1024 / 1024));
      case NOT_PDF -> Problems.response(Problems.problem(415, locale, "verify.outcome.NOT_PDF"));
      default ->
          Response.ok(
                  new VerdictJson(
                      verdict.outcome().name(),
                      ApiLanguage.text(locale, "verify.outcome." + verdict.outcome(), 20),
                      verdict.reason() == null ? null : ApiLanguage.text(locale, verdict.reason()),
                      verdict.orderNumber(),
                      verdict.version(),
                      verdict.signers()),
                  MediaType.APPLICATION_JSON)
              .build();
    };
  }

  @GET
  @Path("ca-certificate")
  @SignInNotRequired
  @Produces("application/x-pem-file")
  @Operation(
      summary = "The portal's CA certificate",
      description = "PEM. Install it as trusted to see the agreements' signatures as trusted.")
  @APIResponse(responseCode = "200", description = "The certificate")
  public Response caCertificate() throws CertificateEncodingException {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(sealer.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return Response.ok(pem, "application/x-pem-file")
        .header("Content-Disposition", "attachment; filename=\"ishibashi-ca.pem\"")
        .build();
  }
}
