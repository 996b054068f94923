package jp.ishibashi;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment for every integration test: the packaged WAR itself, never a hand-made list. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive portal() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ishibashi.war"));
  }

  /** The packaged WAR plus in-container test classes and their helpers. */
  public static WebArchive portalWith(Class<?>... testClasses) {
    return portal().addClasses(testClasses).addClass(Deployments.class);
  }

  /**
   * Whether the tests run on PostgreSQL, for {@code @EnabledIf}: the client JVM has failsafe's
   * {@code it.db.driver}, the Payara Micro JVM the {@code portal.db.driver} that arquillian.xml
   * passes it.
   */
  public static boolean usesPostgresql() {
    return System.getProperty("it.db.driver", System.getProperty("portal.db.driver", ""))
        .startsWith("org.postgresql.");
  }
}
