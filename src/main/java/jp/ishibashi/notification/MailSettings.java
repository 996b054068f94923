package jp.ishibashi.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's SMTP settings, {@code portal.mail.*} (see docs/operations.md), and the portal's
 * public address for the links in mails. Mail is off unless {@code portal.mail.enabled} is true.
 * The password is never logged, nor shown by {@link #toString}.
 */
@ApplicationScoped
public class MailSettings {

  private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

  /** Connect, read and write time-out of one SMTP conversation step, in milliseconds. */
  static final int TIMEOUT_MILLIS = 10_000;

  @Inject
  @ConfigProperty(name = "portal.mail.enabled", defaultValue = "false")
  boolean configuredEnabled;

  @Inject
  @ConfigProperty(name = "portal.mail.host")
  Optional<String> configuredHost;

  @Inject
  @ConfigProperty(name = "portal.mail.port", defaultValue = "587")
  int configuredPort;

  @Inject
  @ConfigProperty(name = "portal.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "portal.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "portal.mail.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "portal.mail.starttls", defaultValue = "true")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "portal.mail.starttls-required")
  Optional<Boolean> starttlsRequired;

  @Inject
  @ConfigProperty(name = "portal.public-url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:8080/")
  String baseUrl;

  private volatile boolean enabled;
  private volatile String host;
  private volatile int port;

  @PostConstruct
  void init() {
    enabled = configuredEnabled;
    host = configuredHost.filter(h -> !h.isBlank()).orElse(null);
    port = configuredPort;
    if (enabled && host == null) {
      LOG.warning("portal.mail.enabled is true but portal.mail.host is not set: mails will fail");
    }
  }

  /** Whether notifications also queue an e-mail. */
  public boolean enabled() {
    return enabled;
  }

  /** For tests only: switches mail and points it at another server until {@link #reset}. */
  void override(boolean enabled, String host, int port) {
    this.enabled = enabled;
    this.host = host;
    this.port = port;
  }

  /** For tests only: back to the configured settings. */
  void reset() {
    init();
  }

  /** The sender address: {@code portal.mail.from}, else the SMTP user, else a local address. */
  String from() {
    return from.filter(f -> !f.isBlank())
        .or(() -> user.filter(u -> !u.isBlank()))
        .orElse("ishibashi@localhost");
  }

  Optional<String> user() {
    return user.filter(u -> !u.isBlank());
  }

  String password() {
    return password.orElse("");
  }

  /**
   * Whether a server that does not offer STARTTLS is refused: {@code
   * portal.mail.starttls-required}, by default true when a user and password are set, so that
   * credentials never cross the network in clear text.
   */
  boolean starttlsRequired() {
    return starttlsRequired.orElse(user().isPresent() && !password().isEmpty());
  }

  /** The Jakarta Mail session properties; they hold no password. */
  Properties sessionProperties() {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", host == null ? "localhost" : host);
    p.setProperty("mail.smtp.port", Integer.toString(port));
    p.setProperty("mail.smtp.auth", Boolean.toString(user().isPresent()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls || starttlsRequired()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttlsRequired()));
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.from", from());
    return p;
  }

  /** The absolute address of a work order's page, on the public (else the base) address. */
  String workOrderLink(long workOrderId) {
    return link("orders/work-order.xhtml?id=" + workOrderId);
  }

  /** The absolute address of a page, given relative to the portal's root. */
  String link(String page) {
    String base = publicUrl.filter(u -> !u.isBlank()).orElse(baseUrl);
    return (base.endsWith("/") ? base : base + "/") + page;
  }

  @Override
  public String toString() {
    return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + "]";
  }
}
