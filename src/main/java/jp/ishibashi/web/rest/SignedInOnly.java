package jp.ishibashi.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jp.ishibashi.account.web.CurrentUser;

/**
 * Answers 401 to every API call without a signed-in user, except signing in. The API is not under
 * web.xml's security constraints, whose form mechanism would redirect to the sign-in page. Like the
 * pages' {@code SessionGuard}, it also ends the session of a user who has lost access.
 */
@Provider
@ApplicationScoped
public class SignedInOnly implements ContainerRequestFilter {

  static final String KEY = "error.api.signInRequired";

  @Inject private CurrentUser currentUser;
  @Inject private HttpServletRequest servletRequest;
  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(SignInNotRequired.class)) {
      return;
    }
    if (currentUser.isSignedIn() && currentUser.mayContinue()) {
      return;
    }
    if (currentUser.isSignedIn()) {
      endSession();
    }
    request.abortWith(
        Problems.response(
            Problems.problem(
                401, ApiLanguage.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), KEY)));
  }

  private void endSession() {
    HttpSession session = servletRequest.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    try {
      servletRequest.logout();
    } catch (ServletException e) {
      throw new IllegalStateException("Sign-out failed", e);
    }
  }
}
