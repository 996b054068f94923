package jp.ishibashi.agreement.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate authorities for the tests. A CA the portal creates has an RSA-3072 key, which takes
 * about a second to make (more on a busy machine), so the tests share one; others are EC CAs
 * written as an operator would supply them, which take milliseconds.
 */
final class TestCa {

  private static final char[] PASSWORD = "test".toCharArray();

  private TestCa() {}

  /** The portal CA of this test run, created once. */
  static CertificateAuthority portal() {
    return Holder.PORTAL;
  }

  private static final class Holder {
    static final CertificateAuthority PORTAL = loadOrCreate(false);
  }

  /** Another CA, not the portal's: an operator-style EC CA. */
  static CertificateAuthority stranger() {
    return loadOrCreate(true);
  }

  private static CertificateAuthority loadOrCreate(boolean operatorSupplied) {
    try {
      Path directory = Files.createTempDirectory("ishibashi-ca");
      Path keystore = directory.resolve("ca.p12");
      directory.toFile().deleteOnExit();
      keystore.toFile().deleteOnExit();
      if (operatorSupplied) {
        writeOperatorKeyStore(keystore, PASSWORD, Instant.now());
      }
      return CertificateAuthority.loadOrCreate(keystore, PASSWORD, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a key store as an operator might bring: an EC CA of their own, valid for a year from
   * {@code now}, under an alias of their choosing, after a certificate-only entry.
   *
   * @return the CA's certificate
   */
  static X509Certificate writeOperatorKeyStore(Path keystore, char[] password, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name("CN=Example Operator Root, O=Example KK");
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          name,
                          BigInteger.valueOf(42),
                          Date.from(now.minus(Duration.ofDays(1))),
                          Date.from(now.plus(Duration.ofDays(365))),
                          name,
                          pair.getPublic())
                      .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                      .build(
                          new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("a-trusted-certificate", certificate);
      store.setKeyEntry(
          "operator-ca", pair.getPrivate(), password, new Certificate[] {certificate});
      try (OutputStream out = Files.newOutputStream(keystore)) {
        store.store(out, password);
      }
      return certificate;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot write a test key store", e);
    }
  }
}
