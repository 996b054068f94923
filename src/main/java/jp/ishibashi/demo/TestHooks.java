package jp.ishibashi.demo;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test hooks exist only when {@code portal.clock.adjustable} is true: then the REST API serves
 * {@code POST /api/test/clock} (demo.rest.TestClockResource), which lets
 * anyone move the portal's clock and so release escrow when review periods pass. Otherwise
 * nothing serves that path. The start-up log and {@code /health} say loudly when they are on.
 * Never set it in production.
 */
@WebListener
public class TestHooks implements ServletContextListener {

  public static final String PATH = "/api/test/clock";
  private static final Logger LOG = Logger.getLogger(TestHooks.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (enabled()) {
      LOG.warning(
          "TEST HOOKS ARE ON (portal.clock.adjustable=true): anyone may move the portal's clock"
              + " at "
              + PATH
              + ", which releases escrow. For tests only, never in production.");
    }
  }

  /** Whether the test hooks are on: {@code portal.clock.adjustable}. */
  public static boolean enabled() {
    return ConfigProvider.getConfig()
        .getOptionalValue("portal.clock.adjustable", Boolean.class)
        .orElse(false);
  }
}
