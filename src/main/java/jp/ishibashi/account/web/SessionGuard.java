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
 * Ends a signed-in session at its next request once the user has lost access: a removed staff
 * member, or a subcontractor whose engagement with the agency it works in has ended.
 */
@WebFilter(urlPatterns = "/*")
public class SessionGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private CurrentUser currentUser;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() != null
        && !request.getRequestURI().contains("/jakarta.faces.resource/")
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
    chain.doFilter(request, response);
  }

  /** The REST API ends such sessions itself, answering 401 rather than redirecting. */
  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
