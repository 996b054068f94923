package jp.ishibashi.web.rest;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.ishibashi.account.SignInService;
import jp.ishibashi.account.Workplace;
import jp.ishibashi.account.web.CurrentUser;
import jp.ishibashi.account.web.SignInOutcome;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.tenant.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's session: sign in with e-mail and password through the same identity store, throttle and
 * session as the sign-in page; see who is signed in; pick the agency a subcontractor acts in; sign
 * out.
 */
@Path("session")
@RequestScoped
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  /** E-mail and password. */
  public record Credentials(String email, String password) {}

  /** The agency to act in. */
  public record AgencyChoice(Long tenantId) {}

  /** An agency the user may act in, and as what. */
  public record AgencyJson(long tenantId, String name, Role role) {
    static AgencyJson of(Workplace w) {
      return new AgencyJson(w.tenantId(), w.agencyName(), w.role());
    }
  }

  /** Who is signed in, where they act now, and where else they may act. */
  public record SessionJson(
      long userId,
      String email,
      String displayName,
      boolean subcontractor,
      AgencyJson agency,
      List<AgencyJson> agencies) {}

  @Inject private SecurityContext security;
  @Inject private SignInOutcome outcome;
  @Inject private CurrentUser currentUser;
  @Inject private PortalClock clock;

  @Context private HttpServletRequest request;
  @Context private HttpServletResponse response;
  @Context private HttpHeaders headers;

  @POST
  @SignInNotRequired
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in",
      description =
          "Checks the e-mail and password and starts a new session (a new session cookie). Five"
              + " failures within 15 minutes lock the address; a locked attempt answers 429 with"
              + " unlockAt and Retry-After. Too many failures from one client address, or too many"
              + " sign-ins at once, also answer 429 with Retry-After, without checking the"
              + " password. An address not yet confirmed answers 403.")
  @APIResponse(responseCode = "204", description = "Signed in; the session cookie is set")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "429", ref = "Locked")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response signIn(Credentials credentials) {
    String email = credentials == null || credentials.email() == null ? "" : credentials.email();
    String password =
        credentials == null || credentials.password() == null ? "" : credentials.password();
    // A sign-in starts afresh: nothing of an earlier session (or a page it wanted) carries over.
    HttpSession earlier = request.getSession(false);
    if (earlier != null) {
      earlier.invalidate();
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            withParams()
                .credential(new UsernamePasswordCredential(email, new Password(password)))
                .newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS) {
      request.getSession(true);
      request.changeSessionId();
      return Response.noContent().build();
    }
    return refusal(outcome.get(), locale());
  }

  @GET
  @Operation(summary = "The signed-in user and the agency they act in")
  @APIResponse(responseCode = "200", ref = "Session")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public SessionJson current() {
    return new SessionJson(
        currentUser.account().getId(),
        currentUser.account().getEmail(),
        currentUser.account().getDisplayName(),
        currentUser.isSubcontractor(),
        currentUser.workplace().map(AgencyJson::of).orElse(null),
        currentUser.getWorkplaces().stream().map(AgencyJson::of).toList());
  }

  @PUT
  @Path("agency")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Act in another of one's own agencies",
      description = "For a subcontractor engaged by several agencies. Any other id answers 404.")
  @APIResponse(responseCode = "200", ref = "Session")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public SessionJson switchAgency(AgencyChoice choice) {
    if (choice == null || choice.tenantId() == null) {
      throw DomainException.at("tenantId", "error.field.required");
    }
    currentUser.switchTo(choice.tenantId());
    return current();
  }

  @DELETE
  @Operation(summary = "Sign out", description = "Ends the session.")
  @APIResponse(responseCode = "204", description = "Signed out")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public Response signOut() throws ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }

  private Response refusal(SignInService.Outcome result, Locale locale) {
    if (result instanceof SignInService.Outcome.Locked locked) {
      Instant now = clock.now();
      long minutes = Math.max(1, Duration.between(now, locked.until()).toMinutes() + 1);
      long seconds = Math.max(1, Duration.between(now, locked.until()).toSeconds() + 1);
      return Response.fromResponse(
              Problems.response(
                  Problems.problem(429, locale, "error.signIn.locked", minutes)
                      .withUnlockAt(locked.until())))
          .header(HttpHeaders.RETRY_AFTER, seconds)
          .build();
    }
    if (result instanceof SignInService.Outcome.Busy busy) {
      long seconds = Math.max(1, Duration.between(clock.now(), busy.retryAt()).toSeconds() + 1);
      return Response.fromResponse(
              Problems.response(Problems.problem(429, locale, "error.signIn.busy")))
          .header(HttpHeaders.RETRY_AFTER, seconds)
          .build();
    }
    if (result instanceof SignInService.Outcome.Unverified) {
      return Problems.response(Problems.problem(403, locale, "error.signIn.unverified"));
    }
    String key =
        result instanceof SignInService.Outcome.NoAccess
            ? "error.signIn.noAccess"
            : "error.signIn.rejected";
    return Problems.response(Problems.problem(401, locale, key));
  }

  private Locale locale() {
    return ApiLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }
}
