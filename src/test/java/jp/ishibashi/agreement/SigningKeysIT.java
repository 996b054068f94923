package jp.ishibashi.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfReader;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.ishibashi.Deployments;
import jp.ishibashi.TestOrders;
import jp.ishibashi.agreement.pdf.CertificateAuthority;
import jp.ishibashi.agreement.pdf.SignerCredential;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The keys the portal signs with live in the database, so every node of a cluster signs with the
 * same CA and the same certificate per signer: what a node reads there is what it signs with.
 */
@ExtendWith(ArquillianExtension.class)
class SigningKeysIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject SigningKeys keys;
  @Inject AgreementSealer sealer;
  @Inject Agreements agreements;
  @Inject TestOrders orders;

  @Inject
  @ConfigProperty(name = "portal.signing.keystore-password")
  String password;

  @Test
  void theCaIsTheOneInTheDatabaseEncryptedWithTheConfiguredPassword() {
    X509Certificate signingWith = sealer.certificate();
    byte[] stored = keys.find(AgreementSealer.CA_KEY).orElseThrow();

    X509Certificate fromDatabase =
        CertificateAuthority.fromPkcs12(stored, password.toCharArray(), Clock.systemUTC())
            .certificate();

    assertEquals(signingWith, fromDatabase);
    assertThrows(
        IllegalStateException.class,
        () -> CertificateAuthority.fromPkcs12(stored, "not-it".toCharArray(), Clock.systemUTC()));
  }

  @Test
  void aSignerSignsEveryAgreementWithTheOneStoredCertificate() throws Exception {
    TestOrders.Parties p = orders.parties("鍵共有エージェンシー", "鍵 花子");
    long first = orders.signed(p, 10, "トップページ").getId();
    long second = orders.signed(p, 20, "会社概要").getId();

    List<X509Certificate> firstSigners = signers(agreements.document(p.agency(), first, 1).bytes());
    List<X509Certificate> secondSigners =
        signers(agreements.document(p.agency(), second, 1).bytes());

    assertEquals(2, firstSigners.size());
    assertEquals(firstSigners, secondSigners);
    for (X509Certificate signer : firstSigners) {
      X500Name subject = new JcaX509CertificateHolder(signer).getSubject();
      String key =
          AgreementSealer.signerKey(
              IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()),
              IETFUtils.valueToString(subject.getRDNs(BCStyle.O)[0].getFirst().getValue()));
      SignerCredential stored =
          SignerCredential.fromPkcs12(keys.find(key).orElseThrow(), password.toCharArray());
      assertEquals(signer, stored.certificate());
      assertEquals(sealer.certificate(), stored.chain()[1]);
    }
  }

  private static List<X509Certificate> signers(byte[] pdf) throws Exception {
    List<X509Certificate> certificates = new ArrayList<>();
    PdfReader reader = new PdfReader(pdf);
    try {
      AcroFields fields = reader.getAcroFields();
      for (String name : fields.getSignedFieldNames()) {
        certificates.add(fields.verifySignature(name).getSigningCertificate());
      }
    } finally {
      reader.close();
    }
    return certificates;
  }
}
