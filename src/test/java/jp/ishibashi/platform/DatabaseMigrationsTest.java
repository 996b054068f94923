package jp.ishibashi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

  @Test
  void postgresqlAlsoGetsItsOwnGuards() {
    assertThat(DatabaseMigrations.locations("PostgreSQL"))
        .containsExactly("classpath:db/migration", "classpath:db/postgresql");
    assertThat(DatabaseMigrations.locations("H2")).containsExactly("classpath:db/migration");
  }

  @Test
  void credentialsNeverReachTheLog() {
    assertThat(DatabaseMigrations.stripCredentials("jdbc:postgresql://h/db?user=u&password=secret"))
        .isEqualTo("jdbc:postgresql://h/db?user=***&password=***");
  }
}
