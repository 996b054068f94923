package jp.ishibashi.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The portal's one database. Driver, URL and credentials come from MicroProfile Config, so the
 * same WAR runs on embedded H2 (the default) or on PostgreSQL without a rebuild.
 */
@DataSourceDefinition(
    name = PortalDataSource.JNDI_NAME,
    className = "${MPCONFIG=portal.db.driver}",
    url = "${MPCONFIG=portal.db.url}",
    user = "${MPCONFIG=portal.db.user}",
    password = "${MPCONFIG=portal.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
@Singleton
public class PortalDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/portal";
}
