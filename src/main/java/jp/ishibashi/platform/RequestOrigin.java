package jp.ishibashi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the current HTTP request came from: the client's IP address and user agent, for the
 * audit trail, signing records and rate limits. The address is the connection's peer, or, when
 * that peer is one of {@code portal.trusted-proxies}, the client it forwarded for ({@link
 * ClientAddress}).
 *
 * <p>Outside an HTTP request (timers, start-up) there is no origin: {@link #ip()} and {@link
 * #userAgent()} return null.
 */
@ApplicationScoped
public class RequestOrigin {

  public static final int MAX_USER_AGENT = 500;

  @Inject private Instance<HttpServletRequest> request;

  @Inject
  @ConfigProperty(name = "portal.trusted-proxies")
  private Optional<String> trustedProxies;

  private Set<String> trusted;

  @PostConstruct
  void init() {
    trusted = ClientAddress.trusted(trustedProxies.orElse(""));
  }

  /** The client's IP address, or null outside an HTTP request. */
  public String ip() {
    HttpServletRequest current = current();
    return current == null
        ? null
        : ClientAddress.of(current.getRemoteAddr(), current.getHeaders("X-Forwarded-For"), trusted);
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
