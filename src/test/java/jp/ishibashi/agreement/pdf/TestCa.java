package jp.ishibashi.agreement.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One portal CA for the tests that sign, created once per test JVM: making its RSA-3072 key takes
 * about a second.
 */
final class TestCa {

  private TestCa() {}

  static CertificateAuthority portal() {
    return Holder.PORTAL;
  }

  private static final class Holder {
    static final CertificateAuthority PORTAL = create();
  }

  /** A new CA in a new temporary directory, deleted when the JVM exits. */
  static CertificateAuthority create() {
    try {
      Path directory = Files.createTempDirectory("ishibashi-ca");
      Path keystore = directory.resolve("ca.p12");
      keystore.toFile().deleteOnExit();
      directory.toFile().deleteOnExit();
      return CertificateAuthority.loadOrCreate(keystore, "test".toCharArray(), Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
