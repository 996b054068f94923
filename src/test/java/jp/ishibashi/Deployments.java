package jp.ishibashi;

import java.io.File;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every integration test: the packaged WAR itself, never a hand-made list,
 * plus the compiled test classes. Every IT class deploys this same archive, and {@link
 * jp.ishibashi.suite.OncePerRunContainer} starts one Payara Micro with it for the whole run.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive suite() {
    WebArchive war =
        ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ishibashi.war"));
    GenericArchive tests =
        ShrinkWrap.create(GenericArchive.class)
            .as(ExplodedImporter.class)
            .importDirectory("target/test-classes")
            .as(GenericArchive.class);
    return war.merge(tests, "/WEB-INF/classes", Filters.include(".*\\.class$"));
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
