package jp.ishibashi.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The one place where the tenant is put on the persistence context. Application services call
 * {@link #em(Actor)} inside their transaction and use the entity manager it returns; EclipseLink
 * then filters and stamps every {@code @Multitenant} entity with the actor's agency. A service
 * that forgets fails closed: EclipseLink refuses a multitenant query without a tenant.
 */
@ApplicationScoped
public class Tenancy {

  public static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

  @PersistenceContext(unitName = "portal")
  private EntityManager em;

  /** The transaction's entity manager, bound to the actor's tenant. */
  public EntityManager em(Actor actor) {
    return em(actor.tenantId());
  }

  /**
   * The transaction's entity manager bound to a tenant found from a credential other than a
   * session, such as an invitation token. Callers must have proven the right to act there.
   */
  public EntityManager em(long tenantId) {
    Object current = em.getProperties().get(TENANT_PROPERTY);
    // A Long, not a String: PostgreSQL refuses a varchar parameter for the bigint column.
    Long wanted = tenantId;
    if (current != null && !Objects.equals(current.toString(), wanted.toString())) {
      throw new IllegalStateException("One transaction must not span two tenants");
    }
    if (current == null) {
      em.setProperty(TENANT_PROPERTY, wanted);
    }
    return em;
  }

  /** The entity manager for global rows only (agencies, accounts); tenant entities fail. */
  public EntityManager global() {
    return em;
  }
}
