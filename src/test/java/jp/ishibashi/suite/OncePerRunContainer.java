package jp.ishibashi.suite;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro started once for the whole integration-test run. Payara Micro cannot redeploy, so
 * its Arquillian adapter starts a JVM per deployment, that is per test class. Every IT class
 * deploys the same archive ({@link jp.ishibashi.Deployments#suite()}, the WAR plus all test
 * classes), so this container starts Payara Micro for the first class, hands the same deployment
 * to the next ones, and stops it when Arquillian stops the container after the last class (or
 * when the test JVM exits).
 */
public class OncePerRunContainer extends PayaraMicroDeployableContainer {

  private ProtocolMetaData deployed;
  private Archive<?> archive;

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (deployed == null) {
      deployed = super.deploy(archive);
      this.archive = archive;
    }
    return deployed;
  }

  /** Keeps the portal running for the next test class. */
  @Override
  public void undeploy(Archive<?> archive) {}

  @Override
  public synchronized void stop() throws LifecycleException {
    if (deployed != null) {
      try {
        super.undeploy(archive);
      } catch (DeploymentException e) {
        throw new LifecycleException("Payara Micro did not stop", e);
      }
      deployed = null;
    }
    super.stop();
  }
}
