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
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * The PDF is the request body itself ({@code application/pdf}), at most 20 MB; the body's size is
 * judged by its Content-Length before anything is read, and never more than 20 MB and a byte are
 * read of it.
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
              + " after signing. NOT_OURS: another PDF. A body that is not a PDF answers 415; one"
              + " over 20 MB answers 413 (at once when its Content-Length says so, without reading"
              + " it, and the connection is closed); a PDF that would inflate beyond what the check"
              + " expands answers 422; more than portal.verify.per-ip-per-minute calls a minute"
              + " from one address answer 429 with Retry-After.")
  @APIResponse(responseCode = "200", description = "The verdict")
  @APIResponse(responseCode = "413", description = "Larger than 20 MB")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", description = "Too complex: a compression bomb")
  @APIResponse(responseCode = "429", description = "Too many verifications from this address")
  public Response verify(InputStream body) {
    Locale locale = ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    Optional<Duration> wait = verifications.refusedFor();
    if (wait.isPresent()) {
      return unread(
          Response.fromResponse(
                  Problems.response(
                      Problems.problem(429, locale, "verify.tooMany", wait.get().toSeconds())))
              .header(HttpHeaders.RETRY_AFTER, wait.get().toSeconds()));
    }
    long declared = declaredLength();
    Verdict verdict =
        declared > Verifications.MAX_BYTES
            ? verifications.tooLarge(declared)
            : verifications.verify(body);
    return switch (verdict.outcome()) {
      // Never read the rest of a body over the limit: the connection closes instead.
      case TOO_LARGE ->
          unread(
              Response.fromResponse(
                  Problems.response(
                      Problems.problem(
                          413, locale, "verify.outcome.TOO_LARGE", Verifications.MAX_BYTES / 1024 / 1024))));
      case TOO_COMPLEX ->
          Problems.response(Problems.problem(422, locale, "verify.outcome.TOO_COMPLEX"));
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

  /** The body's declared length; -1 when it declares none (chunked) or nonsense. */
  private long declaredLength() {
    String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** An answer sent while the body may be partly unread: the connection closes after it. */
  private static Response unread(Response.ResponseBuilder response) {
    return response.header("Connection", "close").build();
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
