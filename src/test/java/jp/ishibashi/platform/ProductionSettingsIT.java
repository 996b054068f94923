package jp.ishibashi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal as production runs it: its own Payara Micro, started here with the shipped settings
 * (no demo data, no test hooks) and a keystore password of its own. The other integration tests
 * run on a portal with the test hooks on, so only this one can show that they are really off.
 */
class ProductionSettingsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Process portal;
  private static URI base;
  private static Path log;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = URI.create("http://127.0.0.1:" + port + "/ishibashi/");
    Path dataDir = Files.createTempDirectory(Path.of("target"), "production-settings");
    log = dataDir.resolve("payara.log");
    portal =
        new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Xmx512m",
                "-Dportal.data-dir=" + dataDir.toAbsolutePath(),
                "-Dportal.signing.keystore-password=an-operators-own-secret",
                "-Dportal.password.iterations=1024",
                "-jar",
                "target/payara-micro.jar",
                "--deploy",
                new File("target/ishibashi.war").getAbsolutePath(),
                "--contextroot",
                "ishibashi",
                "--port",
                Integer.toString(port),
                "--nocluster")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
    while (!ready()) {
      if (!portal.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The portal did not start; see " + log);
      }
      portal.waitFor(500, TimeUnit.MILLISECONDS); // polls: returns early only if it exits
    }
  }

  private static boolean ready() {
    try {
      return get(base.resolve("/health/ready")).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @AfterAll
  static void stop() {
    if (portal != null) {
      portal.descendants().forEach(ProcessHandle::destroyForcibly);
      portal.destroyForcibly();
    }
  }

  @Test
  void nothingServesTheTestClockAndTheClockDoesNotMove() throws Exception {
    HttpResponse<String> moved =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("api/test/clock"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"days\":60,\"hours\":0}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, moved.statusCode(), moved.body());
    assertFalse(moved.body().contains("deadlinesFired"), moved.body());
  }

  @Test
  void healthSaysTheTestHooksAreOffAndTheLogDoesNotWarnOfThem() throws Exception {
    HttpResponse<String> health = get(base.resolve("/health"));
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"name\":\"test-hooks\""), health.body());
    assertTrue(health.body().matches(".*\"adjustableClock\":\"?false\"?.*"), health.body());
    assertFalse(health.body().contains("NOT-FOR-PRODUCTION"), health.body());
    assertFalse(Files.readString(log).contains("TEST HOOKS ARE ON"));
  }

  private static HttpResponse<String> get(URI uri) throws IOException {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
