package jp.ishibashi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * For browser tests, which cannot read the database: {@code GET /test-mailbox?to=<address>}
 * answers the newest verification link's secret mailed to the address (404 when none). Only in
 * the test deployment.
 */
@WebServlet("/test-mailbox")
public class TestMailboxServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private TestMailbox mailbox;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String token;
    try {
      token = mailbox.verificationToken(request.getParameter("to"));
    } catch (AssertionError | RuntimeException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(token);
  }
}
