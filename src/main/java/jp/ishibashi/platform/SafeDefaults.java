package jp.ishibashi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the portal on settings that are only safe for a demo: the CA keystore password
 * everybody can read in the shipped configuration, unless the demo data is on (a demo portal holds
 * nothing worth signing).
 */
@Singleton
@Startup
public class SafeDefaults {

  /** The keystore password in the shipped microprofile-config.properties. */
  static final String SHIPPED_KEYSTORE_PASSWORD = "ishibashi-ca";

  private static final Logger LOG = Logger.getLogger(SafeDefaults.class.getName());

  @PostConstruct
  void check() {
    Config config = ConfigProvider.getConfig();
    List<String> refusals =
        refusals(
            config.getOptionalValue("portal.demo-data", Boolean.class).orElse(false),
            config.getOptionalValue("portal.signing.keystore-password", String.class).orElse(""));
    if (!refusals.isEmpty()) {
      refusals.forEach(LOG::severe);
      throw new IllegalStateException("Ishibashi refuses to start: " + String.join(" ", refusals));
    }
  }

  /** Why these settings are unsafe for real use; empty when they are fine. */
  static List<String> refusals(boolean demo, String keystorePassword) {
    List<String> refusals = new ArrayList<>();
    String password = keystorePassword == null ? "" : keystorePassword;
    if (!demo && (password.isBlank() || password.equals(SHIPPED_KEYSTORE_PASSWORD))) {
      refusals.add(
          "portal.signing.keystore-password is the shipped default (or empty): set a password of"
              + " your own (PORTAL_SIGNING_KEYSTORE_PASSWORD; docs/operations.md, \"Signing\").");
    }
    return refusals;
  }
}
