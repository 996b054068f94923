package jp.ishibashi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints where the portal answers once the web application is initialised: after the database
 * is migrated and the demo data is loaded (both run in start-up singletons before this).
 */
@ApplicationScoped
public class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  @Inject
  @ConfigProperty(name = "portal.base-url")
  private String baseUrl;

  @Inject
  @ConfigProperty(name = "portal.demo-data")
  private boolean demoData;

  void ready(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.info(
        () ->
            "Ishibashi is ready at "
                + baseUrl
                + (demoData ? " — demo sign-ins are listed in README.md" : ""));
  }
}
