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
}
