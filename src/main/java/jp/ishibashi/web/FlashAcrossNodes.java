package jp.ishibashi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Lets a session move to another node of a cluster without an error page. Faces keeps the flash
 * (the messages shown after a redirect) behind a cookie that each node encrypts with a key of its
 * own, drawn at start-up. Another node cannot read that cookie, and Mojarra then fails with a
 * NullPointerException at the next message a page adds. So the session records which node served
 * it last; on the first request a different node serves, that node does not show Faces the old
 * node's flash cookie, and starts a fresh flash. The one message that was on its way across the
 * move is lost; the session, the sign-in and the page state are not.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FlashAcrossNodes extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Mojarra's flash cookie. */
  static final String FLASH_COOKIE = "csfcfc";

  /** The session attribute naming the node that served the session last. */
  static final String NODE = FlashAcrossNodes.class.getName() + ".node";

  /** This node, for as long as it runs (its flash key lives as long). */
  private static final String THIS_NODE = UUID.randomUUID().toString();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    HttpServletRequest passed = request;
    if (session != null && !THIS_NODE.equals(attribute(session))) {
      if (attribute(session) != null) {
        passed = withoutFlashCookie(request);
      }
      claim(session);
    }
    try {
      chain.doFilter(passed, response);
    } finally {
      // A session this request created, or a new id after sign-in, belongs to this node too.
      HttpSession now = request.getSession(false);
      if (now != null && !THIS_NODE.equals(attribute(now))) {
        claim(now);
      }
    }
  }

  private static Object attribute(HttpSession session) {
    try {
      return session.getAttribute(NODE);
    } catch (IllegalStateException invalidated) {
      return THIS_NODE;
    }
  }

  private static void claim(HttpSession session) {
    try {
      session.setAttribute(NODE, THIS_NODE);
    } catch (IllegalStateException invalidated) {
      // signed out in this request: nothing to claim
    }
  }

  /** The request as Faces should see it: without the flash cookie another node wrote. */
  static HttpServletRequest withoutFlashCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null || Arrays.stream(cookies).noneMatch(c -> FLASH_COOKIE.equals(c.getName()))) {
      return request;
    }
    Cookie[] kept =
        Arrays.stream(cookies).filter(c -> !FLASH_COOKIE.equals(c.getName())).toArray(Cookie[]::new);
    return new HttpServletRequestWrapper(request) {
      @Override
      public Cookie[] getCookies() {
        return kept.length == 0 ? null : kept.clone();
      }
    };
  }
}
