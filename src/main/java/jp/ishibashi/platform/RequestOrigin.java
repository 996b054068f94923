package jp.ishibashi.platform;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current HTTP request came from: the client's IP address and user agent, for the
 * audit trail and signing records. The address is the connection's peer; a portal behind a
 * reverse proxy sees the proxy's address (see docs/operations.md).
 *
 * <p>Outside an HTTP request (timers, start-up) there is no origin: {@link #ip()} and {@link
 * #userAgent()} return null.
 */
@ApplicationScoped
public class RequestOrigin {

  public static final int MAX_USER_AGENT = 500;

  @Inject private Instance<HttpServletRequest> request;

  /** The client's IP address, or null outside an HTTP request. */
  public String ip() {
    HttpServletRequest current = current();
    return current == null ? null : current.getRemoteAddr();
  }

  /** The client's User-Agent header, cut to {@value #MAX_USER_AGENT} characters; or null. */
  public String userAgent() {
    HttpServletRequest current = current();
    String agent = current == null ? null : current.getHeader("User-Agent");
    return agent == null || agent.length() <= MAX_USER_AGENT
        ? agent
        : agent.substring(0, MAX_USER_AGENT);
  }

  private HttpServletRequest current() {
    try {
      HttpServletRequest current = request.get();
      current.getMethod(); // fails here when there is no request behind the proxy
      return current;
    } catch (ContextNotActiveException | IllegalStateException e) {
      return null;
    }
  }
}
