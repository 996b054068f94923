package jp.ishibashi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the Flyway migrations in {@code db/migration} before anything else touches the
 * database, and answers whether they are all applied (for the readiness check). On PostgreSQL it
 * also applies {@code db/postgresql}: guards that H2 cannot express, such as the trigger that
 * keeps {@code audit_event} append-only. Java migrations are named here, not found by scanning.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());
  private static final String COMMON = "classpath:db/migration";
  static final String POSTGRESQL = "PostgreSQL";

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  private DataSource dataSource;

  private volatile boolean upToDate;

  @PostConstruct
  void migrate() {
    LOG.info(() -> "Database: " + describe(dataSource));
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations(locations(productName(dataSource)))
            .javaMigrations(new V13_1__DeliveryLinesById())
            .load();
    var result = flyway.migrate();
    LOG.info(
        () ->
            "Database migrations applied: "
                + result.migrationsExecuted
                + ", schema version "
                + flyway.info().current().getVersion());
    MigrationInfo[] pending = flyway.info().pending();
    upToDate = pending.length == 0;
  }

  /**
   * True when every migration was applied at start-up. Migrations run only then, so the answer
   * is computed once; Flyway would otherwise scan the scripts at every health probe.
   */
  public boolean upToDate() {
    return upToDate;
  }

  /** Where the migrations for this database product are: the common ones, and its own. */
  static String[] locations(String productName) {
    return POSTGRESQL.equals(productName)
        ? new String[] {COMMON, "classpath:db/postgresql"}
        : new String[] {COMMON};
  }

  /** The database product's name as its driver gives it, such as {@value #POSTGRESQL}. */
  static String productName(DataSource dataSource) {
    return read(dataSource, DatabaseMetaData::getDatabaseProductName);
  }

  /** The product and URL of the database, never its credentials. */
  static String describe(DataSource dataSource) {
    return read(
        dataSource,
        md ->
            md.getDatabaseProductName()
                + " "
                + md.getDatabaseProductVersion()
                + " at "
                + stripCredentials(md.getURL()));
  }

  /** Something read from the database's metadata. */
  private interface MetaDataRead<T> {
    T from(DatabaseMetaData metaData) throws SQLException;
  }

  private static <T> T read(DataSource dataSource, MetaDataRead<T> read) {
    try (Connection c = dataSource.getConnection()) {
      return read.from(c.getMetaData());
    } catch (SQLException e) {
      throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
    }
  }

  /** Removes any password or user given inside a JDBC URL's parameters. */
  static String stripCredentials(String url) {
    if (url == null) {
      return "?";
    }
    return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
  }
}
