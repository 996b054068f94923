package jp.ishibashi.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure when the portal is reached over HTTPS.
 *
 * <p>Behind a TLS proxy the portal itself speaks plain HTTP, so the container cannot tell that the
 * cookie should be Secure. {@code portal.session.secure-cookie} decides: {@code true}, {@code
 * false}, or {@code auto} (the default), which makes it Secure whenever {@code portal.public-url}
 * starts with {@code https://}. Any other value stops the start, because a typo must not quietly
 * send the session in clear text.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

  static final String SETTING = "portal.session.secure-cookie";
  private static final Logger LOG = Logger.getLogger(SessionCookie.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Config config = ConfigProvider.getConfig();
    boolean secure =
        secure(
            config.getOptionalValue(SETTING, String.class),
            config.getOptionalValue("portal.public-url", String.class));
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    // payara-web.xml says the same: Payara 6 reads it there, Servlet 6 containers here.
    cookie.setAttribute("SameSite", "Lax");
    LOG.info("Session cookie: HttpOnly, SameSite=Lax" + (secure ? ", Secure" : ", not Secure"));
  }

  /**
   * Whether the session cookie is Secure, from {@code portal.session.secure-cookie} (true, false or
   * auto; unset is auto) and {@code portal.public-url}.
   *
   * @throws IllegalArgumentException when the setting is none of those
   */
  static boolean secure(Optional<String> setting, Optional<String> publicUrl) {
    String value = setting.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("auto");
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      case "auto", "" ->
          publicUrl
              .map(u -> u.trim().toLowerCase(Locale.ROOT).startsWith("https://"))
              .orElse(false);
      default ->
          throw new IllegalArgumentException(
              SETTING + " is \"" + setting.get() + "\": it must be true, false or auto.");
    };
  }
}
