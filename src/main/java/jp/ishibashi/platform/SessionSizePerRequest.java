package jp.ishibashi.platform;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Diagnostics: the size of the session each request leaves behind, serialized as a cluster
 * replicates it, when {@code portal.diagnostics.session-size} is true; inert otherwise.
 *
 * <p>Each page request with a session logs one line: the bytes of all its attributes serialized
 * together, and each attribute's own size, largest first. An attribute that cannot be serialized
 * is logged as a warning, because a cluster would lose it when the node stops. References to
 * enterprise beans count as the small handle the container writes for them. Requests for
 * resources ({@code /jakarta.faces.resource/}) and the health checks are not measured.
 */
@WebListener
public class SessionSizePerRequest implements ServletRequestListener {

  /** The MicroProfile Config key that turns the measurement on. */
  public static final String KEY = "portal.diagnostics.session-size";

  private static final Logger LOG = Logger.getLogger(SessionSizePerRequest.class.getName());
  private static volatile Boolean enabled;

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (!enabled() || !(event.getServletRequest() instanceof HttpServletRequest request)) {
      return;
    }
    String path = request.getRequestURI();
    if (path.contains("/jakarta.faces.resource/") || path.startsWith("/health")) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    try {
      for (String name : Collections.list(session.getAttributeNames())) {
        attributes.put(name, session.getAttribute(name));
      }
    } catch (IllegalStateException invalidated) {
      return;
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> a : attributes.entrySet()) {
      try {
        sizes.put(a.getKey(), serializedSize(a.getValue()));
      } catch (IOException | RuntimeException e) {
        LOG.warning(
            () -> "Session attribute " + a.getKey() + " cannot be serialized: " + e);
      }
    }
    long total;
    try {
      total = serializedSize(new LinkedHashMap<>(attributes));
    } catch (IOException | RuntimeException e) {
      total = -1;
    }
    long all = total;
    String each =
        sizes.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    LOG.info(
        () ->
            "Session size: "
                + (all < 0 ? "not serializable" : all + " bytes")
                + " in "
                + attributes.size()
                + " attributes after "
                + request.getMethod()
                + " "
                + path
                + " ("
                + each
                + ")");
  }

  /** The bytes Java serialization writes for a value. */
  static long serializedSize(Object value) throws IOException {
    long[] count = new long[1];
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            count[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count[0] += len;
          }
        };
    try (ObjectOutputStream out = new EjbReferencesAsHandles(counter)) {
      out.writeObject(value);
    }
    return count[0];
  }

  /**
   * Writes each reference to an enterprise bean as a handle naming its class, as Payara does when
   * it stores a session: the generated proxy of a bean's no-interface view is not serializable by
   * itself, but the container replaces it with a small handle.
   */
  private static final class EjbReferencesAsHandles extends ObjectOutputStream {

    EjbReferencesAsHandles(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object o) throws IOException {
      if (!(o instanceof java.io.Serializable)
          && o != null
          && o.getClass().getName().contains("__EJB31_Generated__")) {
        return new EjbHandle(o.getClass().getName());
      }
      return o;
    }
  }

  private record EjbHandle(String bean) implements java.io.Serializable {}

  private static boolean enabled() {
    Boolean on = enabled;
    if (on == null) {
      on =
          ConfigProvider.getConfig(SessionSizePerRequest.class.getClassLoader())
              .getOptionalValue(KEY, Boolean.class)
              .orElse(false);
      enabled = on;
      if (on) {
        LOG.warning(KEY + " is on: every page request logs the size of its session");
      }
    }
    return on;
  }
}
