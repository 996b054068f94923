package jp.ishibashi.account.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Guards every signed-in request. It ends the session once the user has lost access (a removed
 * staff member, or a subcontractor whose engagement with the agency it works in has ended), and
 * it gates the role-specific page trees by the user's role as the database says now. Container
 * roles are not used for that: web.xml only requires a signed-in user, because Payara may lose a
 * session's groups under concurrent requests, and a role change must count at once.
 */
@WebFilter(urlPatterns = "/*")
public class SessionGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private CurrentUser currentUser;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() != null
        && !path(request).contains("/jakarta.faces.resource/")
        && !isApi(request)
        && !currentUser.mayContinue()) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      request.logout();
      response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
      return;
    }
    if (request.getUserPrincipal() != null
        && !mayOpen(
            path(request),
            currentUser.isAgencyAdmin(),
            currentUser.isAgencyMember(),
            currentUser.isSubcontractor())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether a user with these roles may open a path: {@code /agency/admin/} is for agency admins,
   * {@code /agency/} for agency staff, {@code /sub/} for subcontractors; other paths are open to
   * every signed-in user (the services check the party of each work order).
   */
  static boolean mayOpen(String path, boolean admin, boolean agencyMember, boolean subcontractor) {
    if (path.startsWith("/agency/admin/")) {
      return admin;
    }
    if (path.startsWith("/agency/")) {
      return agencyMember;
    }
    if (path.startsWith("/sub/")) {
      return subcontractor;
    }
    return true;
  }

  /**
   * The path the container resolved and will serve: servlet path plus path info, decoded and
   * normalised. The raw request URI is not used, because its variants ({@code //agency/admin/},
   * {@code /agency/./admin/}, {@code /agency/admin;x/}, {@code %61dmin}) reach the same page.
   */
  static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  /** The REST API ends such sessions itself, answering 401 rather than redirecting. */
  private static boolean isApi(HttpServletRequest request) {
    return path(request).startsWith("/api/");
  }
}
