package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final char[] PASSWORD = "change it".toCharArray();

  @TempDir Path directory;

  @Test
  void createsTheKeyStoreOnceThenLoadsTheSameCa() throws Exception {
    Path keystore = directory.resolve("ca/portal-ca.p12");

    CertificateAuthority created = CertificateAuthority.loadOrCreate(keystore, PASSWORD, CLOCK);
    byte[] written = Files.readAllBytes(keystore);
    CertificateAuthority loaded = CertificateAuthority.loadOrCreate(keystore, PASSWORD, CLOCK);

    assertThat(loaded.certificate()).isEqualTo(created.certificate());
    assertThat(Files.readAllBytes(keystore)).isEqualTo(written);
    assertThat(Files.getPosixFilePermissions(keystore))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var leftovers = Files.list(keystore.getParent())) {
      assertThat(leftovers).containsExactly(keystore);
    }
    X509Certificate ca = created.certificate();
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Ishibashi Portal CA");
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(Duration.between(NOW, ca.getNotAfter().toInstant()).toDays())
        .isBetween(3650L, 3654L);
    ca.verify(ca.getPublicKey());
  }

  @Test
  void issuesASignerCertificateWithTheNamesInUtf8() throws Exception {
    CertificateAuthority ca = TestCa.portal();

    SignerCredential credential = ca.issue("山田 太郎", "株式会社さくらデザイン");

    X509Certificate certificate = credential.certificate();
    assertThat(credential.chain()).containsExactly(certificate, ca.certificate());
    certificate.verify(ca.certificate().getPublicKey());
    X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
    var cn = subject.getRDNs(BCStyle.CN)[0].getFirst().getValue();
    var o = subject.getRDNs(BCStyle.O)[0].getFirst().getValue();
    assertThat(cn).isInstanceOf(ASN1UTF8String.class).hasToString("山田 太郎");
    assertThat(o).isInstanceOf(ASN1UTF8String.class).hasToString("株式会社さくらデザイン");
    boolean[] usage = certificate.getKeyUsage();
    assertThat(usage[0]).as("digitalSignature").isTrue();
    assertThat(usage[1]).as("nonRepudiation").isTrue();
    assertThat(usage[5]).as("keyCertSign").isFalse();
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    long days =
        Duration.between(
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
            .toDays();
    assertThat(days).isBetween(1090L, 1100L);
  }

  @Test
  void usesTheFirstKeyEntryOfAnOperatorSuppliedKeyStore() throws Exception {
    Path keystore = directory.resolve("operator.p12");
    X509Certificate operatorCa = TestCa.writeOperatorKeyStore(keystore, PASSWORD, NOW);

    CertificateAuthority ca = CertificateAuthority.loadOrCreate(keystore, PASSWORD, CLOCK);
    SignerCredential credential = ca.issue("田中 美咲", "田中デザイン事務所");

    assertThat(ca.certificate()).isEqualTo(operatorCa);
    credential.certificate().verify(operatorCa.getPublicKey());
    assertThat(credential.certificate().getIssuerX500Principal())
        .isEqualTo(operatorCa.getSubjectX500Principal());
    assertThat(credential.certificate().getNotAfter()).isBeforeOrEqualTo(operatorCa.getNotAfter());
  }

  @Test
  void aWrongPasswordIsAClearError() {
    Path keystore = directory.resolve("ca.p12");
    TestCa.writeOperatorKeyStore(keystore, PASSWORD, NOW);

    assertThatThrownBy(
            () -> CertificateAuthority.loadOrCreate(keystore, "wrong".toCharArray(), CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(keystore.toString());
  }
}
