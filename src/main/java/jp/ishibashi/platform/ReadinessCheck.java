package jp.ishibashi.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and every migration is applied ({@code /health/ready}). */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private DatabaseMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection c = dataSource.getConnection()) {
      boolean answers = c.isValid(2);
      boolean migrated = migrations.upToDate();
      return response
          .status(answers && migrated)
          .withData("answers", answers)
          .withData("migrated", migrated)
          .build();
    } catch (Exception e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
