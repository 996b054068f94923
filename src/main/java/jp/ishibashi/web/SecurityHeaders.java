package jp.ishibashi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every response: pages, the REST API, resources and error pages.
 *
 * <p>Pages get their Content-Security-Policy from PrimeFaces ({@code primefaces.CSP} in web.xml),
 * which adds a fresh nonce for its scripts to the policy in {@code primefaces.CSP_POLICY}. Every
 * other response (JSON, files, scripts, style sheets) keeps {@link #NON_PAGE_POLICY}, which
 * allows nothing. A page's policy replaces that one instead of being added beside it, because
 * browsers enforce every policy they get, and the strict one would then block the page's scripts.
 * The nonce of a page drawn in answer to a post comes from the server, never from the post ({@link
 * PostbackNonce}).
 *
 * <p>It is mapped in web.xml, not by annotation, so that it comes first of all filters: the
 * redirects and refusals of the others carry the headers too. It also runs on error dispatches,
 * because the container may reset the response before it renders an error page.
 */
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  public static final String CSP = "Content-Security-Policy";

  /** For everything that is not a page: no scripts, styles, frames or anything else. */
  public static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** Features the portal never uses, so an injected script or frame cannot ask for them. */
  public static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    applyTo(response);
    chain.doFilter(new PostbackNonce(request), new OnePolicy(response));
  }

  /** The headers every response carries, with the policy for what is not a page. */
  static void applyTo(HttpServletResponse response) {
    // Invitation and sign-in links carry tokens: the Referer must never pass them on.
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    // For browsers without frame-ancestors.
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(CSP, NON_PAGE_POLICY);
  }

  /** A response that holds one Content-Security-Policy: a later one replaces the earlier. */
  static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
