package jp.ishibashi.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses (415) a state-changing request — POST, PUT, DELETE, PATCH — unless its Content-Type is
 * {@code application/json}. A cross-site HTML form cannot send that type, and a cross-site script
 * needs a CORS preflight that the portal never grants: together with the SameSite=Lax session
 * cookie this is the API's protection against cross-site request forgery.
 */
@Provider
@PreMatching
public class JsonRequestsOnly implements ContainerRequestFilter {

  static final String KEY = "error.api.mediaType";
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");
  /**
   * Anonymous uploads that change no one's data: the PDF verification takes the PDF itself as its
   * body. A forged cross-site request there gains nothing.
   */
  private static final Set<String> PUBLIC_UPLOADS = Set.of("verifications", "/verifications");

  @Override
  public void filter(ContainerRequestContext request) {
    if (CHANGING.contains(request.getMethod())
        && !isJson(request)
        && !PUBLIC_UPLOADS.contains(request.getUriInfo().getPath())) {
      request.abortWith(
          Problems.response(
              Problems.problem(
                  415, ApiLanguage.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), KEY)));
    }
  }

  private static boolean isJson(ContainerRequestContext request) {
    MediaType type;
    try {
      type = request.getMediaType();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return type != null
        && "application".equalsIgnoreCase(type.getType())
        && "json".equalsIgnoreCase(type.getSubtype());
  }
}
