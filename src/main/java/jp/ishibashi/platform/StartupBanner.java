package jp.ishibashi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prints where the portal answers, once the database is migrated and demo data is loaded. */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "DemoData"})
public class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  @Inject
  @ConfigProperty(name = "portal.base-url")
  private String baseUrl;

  @PostConstruct
  void announce() {
    LOG.info(() -> "Ishibashi is starting at " + baseUrl + " (ready when /health/ready is UP)");
  }
}
