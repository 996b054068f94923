package jp.ishibashi.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import jp.ishibashi.agreement.rest.AgreementsResource;
import jp.ishibashi.agreement.rest.VerificationsResource;
import jp.ishibashi.change.rest.ChangeRequestsResource;
import jp.ishibashi.delivery.rest.FulfilmentResource;
import jp.ishibashi.demo.TestHooks;
import jp.ishibashi.demo.rest.TestClockResource;
import jp.ishibashi.message.rest.OrderMessagesResource;
import jp.ishibashi.workorder.rest.SubcontractorsResource;
import jp.ishibashi.workorder.rest.WorkOrdersResource;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JSON REST API under {@code /api}. Its resources and providers are listed here rather than
 * scanned, so that nothing else on the class path joins the API by accident. The OpenAPI document
 * at {@code /openapi} merges these annotations with {@code META-INF/openapi.yaml}, which holds the
 * problem details schema and the shared error responses.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Ishibashi REST API",
            version = "1",
            description =
                "Work orders, signed agreements, change requests and messages for agencies and"
                    + " subcontractors. Sign in with POST /api/session; the session cookie then"
                    + " authenticates every call. POST, PUT and DELETE need"
                    + " Content-Type application/json. Errors are RFC 9457 problem details"
                    + " (application/problem+json) with the message key in \"key\"."),
    tags = {
      @Tag(
          name = "Session",
          description = "Sign-in, sign-out and the agency a subcontractor acts in"),
      @Tag(name = "Work orders", description = "Terms, scope lines and their negotiation"),
      @Tag(name = "Agreements", description = "Agreement versions, signing and signed PDFs"),
      @Tag(name = "Change requests", description = "Priced changes to signed orders"),
      @Tag(name = "Escrow and delivery", description = "Funding, delivery, review, cancellation"),
      @Tag(name = "Messages", description = "A work order's message thread and its evidence"),
      @Tag(
          name = "Verification",
          description = "Public: verify an agreement PDF; the portal's CA certificate")
    })
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(api());
    if (TestHooks.enabled()) {
      classes.add(TestClockResource.class);
    }
    return classes;
  }

  /** The API proper; the test clock joins it only while {@link TestHooks#enabled()}. */
  static Set<Class<?>> api() {
    return Set.of(
        SessionResource.class,
        WorkOrdersResource.class,
        SubcontractorsResource.class,
        AgreementsResource.class,
        VerificationsResource.class,
        ChangeRequestsResource.class,
        FulfilmentResource.class,
        OrderMessagesResource.class,
        JsonRequestsOnly.class,
        JsonNumberBounds.class,
        SignedInOnly.class,
        ApiResponseHeaders.class,
        BodyFieldDiagnosis.class,
        ProblemMapper.class);
  }
}
