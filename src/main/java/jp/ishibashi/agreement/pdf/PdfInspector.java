package jp.ishibashi.agreement.pdf;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * Looks at a file someone presents as an agreement PDF — an upload, an e-mail attachment — and says
 * whether the portal made it, which agreement it claims to be, and whether its signatures still
 * hold. It never throws for bad input: a file that is no PDF is reported as such.
 *
 * <p>Thread-safe and stateless.
 */
public final class PdfInspector {

  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MARKER =
      AgreementPdf.INFO_CONTENT_HASH.getBytes(StandardCharsets.US_ASCII);

  /**
   * Inspects a file.
   *
   * @param bytes the file; null counts as not a PDF
   * @param trustedCa the portal CA's certificate, which a portal signer's certificate must verify
   *     against
   */
  public Inspection inspect(byte[] bytes, X509Certificate trustedCa) {
    if (bytes == null) {
      return Inspection.notPdf(false);
    }
    boolean marker = indexOf(bytes, MARKER) >= 0;
    if (!startsWith(bytes, PDF_HEADER)) {
      return Inspection.notPdf(marker);
    }
    PdfReader reader;
    try {
      reader = new PdfReader(bytes);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // A damaged or hostile file: deep nesting can exhaust the stack while parsing.
      return Inspection.notPdf(marker);
    }
    try {
      Map<String, String> info = reader.getInfo();
      return new Inspection(
          true,
          marker,
          info.get(AgreementPdf.INFO_ORDER),
          info.get(AgreementPdf.INFO_VERSION),
          info.get(AgreementPdf.INFO_CONTENT_HASH),
          signatures(reader, trustedCa));
    } catch (RuntimeException | StackOverflowError e) {
      return Inspection.notPdf(marker);
    } finally {
      reader.close();
    }
  }

  /** The signatures, in the order they were made (by the revision each closes). */
  private static List<Inspection.Signature> signatures(PdfReader reader, X509Certificate ca) {
    AcroFields fields = reader.getAcroFields();
    List<String> names = new ArrayList<>(fields.getSignedFieldNames());
    names.sort(Comparator.comparingInt(fields::getRevision));
    List<Inspection.Signature> signatures = new ArrayList<>(names.size());
    for (String name : names) {
      signatures.add(signature(fields, name, ca));
    }
    return signatures;
  }

  private static Inspection.Signature signature(
      AcroFields fields, String name, X509Certificate ca) {
    boolean coversWholeDocument = fields.signatureCoversWholeDocument(name);
    PdfPKCS7 pkcs7;
    try {
      pkcs7 = fields.verifySignature(name);
    } catch (RuntimeException e) {
      return new Inspection.Signature(name, null, null, null, false, false, coversWholeDocument);
    }
    X509Certificate certificate = pkcs7.getSigningCertificate();
    Instant signedAt = pkcs7.getSignDate() == null ? null : pkcs7.getSignDate().toInstant();
    return new Inspection.Signature(
        name,
        subjectField(certificate, BCStyle.CN),
        subjectField(certificate, BCStyle.O),
        signedAt,
        intact(pkcs7),
        issuedBy(certificate, ca),
        coversWholeDocument);
  }

  /** Whether the digest of the signed byte ranges matches, and the signature over it verifies. */
  private static boolean intact(PdfPKCS7 pkcs7) {
    try {
      return pkcs7.verify();
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
    if (certificate == null || ca == null) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** One attribute of a certificate's subject, as text (UTF-8 names come back as they were). */
  private static String subjectField(X509Certificate certificate, ASN1ObjectIdentifier type) {
    if (certificate == null) {
      return null;
    }
    try {
      X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
      RDN[] rdns = subject.getRDNs(type);
      if (rdns.length == 0) {
        return null;
      }
      ASN1Encodable value = rdns[0].getFirst().getValue();
      return value instanceof ASN1String text ? text.getString() : value.toString();
    } catch (CertificateEncodingException | RuntimeException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The first index of {@code needle} in {@code haystack}, or -1. */
  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
