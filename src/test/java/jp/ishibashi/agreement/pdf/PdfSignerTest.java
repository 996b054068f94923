package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import jp.ishibashi.agreement.AgreementContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs agreement PDFs and checks them with poppler's pdfsig and pdftotext, which share no code
 * with OpenPDF, and with {@link PdfInspector}.
 */
class PdfSignerTest {

  private static final String AGENCY_SIGNER = "山田 太郎";
  private static final String SUBCONTRACTOR_SIGNER = "田中 美咲";
  private static final String SUBCONTRACTOR_ORGANISATION = "田中デザイン事務所";
  private static final Instant AGENCY_SIGNED_AT = Instant.parse("2026-11-27T01:15:00Z");
  private static final Instant SUBCONTRACTOR_SIGNED_AT = Instant.parse("2026-11-27T03:40:00Z");

  @TempDir Path directory;

  private static final PdfSigner signer = new PdfSigner();
  private static final PdfInspector inspector = new PdfInspector();
  private static CertificateAuthority ca;
  private static SignerCredential agency;
  private static SignerCredential subcontractor;

  /** The three-line Japanese agreement, rendered with both signing records, not yet signed. */
  private static byte[] unsigned;

  @BeforeAll
  static void renderAgreement() {
    ca = TestCa.portal();
    agency = ca.issue(AGENCY_SIGNER, Agreements.AGENCY);
    subcontractor = ca.issue(SUBCONTRACTOR_SIGNER, SUBCONTRACTOR_ORGANISATION);
    AgreementContent content = Agreements.japanese();
    String hash = content.hash();
    List<SigningRecord> signings =
        List.of(
            new SigningRecord(
                SigningRecord.AGENCY,
                AGENCY_SIGNER,
                Agreements.AGENCY,
                AGENCY_SIGNED_AT,
                "203.0.113.7",
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                hash,
                "c0ffee".repeat(10) + "abcd"),
            new SigningRecord(
                SigningRecord.SUBCONTRACTOR,
                SUBCONTRACTOR_SIGNER,
                SUBCONTRACTOR_ORGANISATION,
                SUBCONTRACTOR_SIGNED_AT,
                "198.51.100.23",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1",
                hash,
                "beef".repeat(16)));
    unsigned = new AgreementPdf().render(content, hash, signings, ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void agencyThenSubcontractorBothValidInPdfsig() {
    byte[] signed = signBoth(unsigned);

    String report = Poppler.pdfsig(write("signed.pdf", signed));

    assertThat(Poppler.signatureValidations(report))
        .as(report)
        .containsExactly("Signature is Valid.", "Signature is Valid.");
    assertThat(report)
        .contains("Signer Certificate Common Name: " + AGENCY_SIGNER)
        .contains("O=" + SUBCONTRACTOR_ORGANISATION)
        .contains("Signing Hash Algorithm: SHA-256")
        .contains("Signature Type: adbe.pkcs7.detached")
        .contains("Total document signed");
  }

  @Test
  void subcontractorThenAgencyBothValidInPdfsig() {
    byte[] both = signAgency(signSubcontractor(unsigned));

    String report = Poppler.pdfsig(write("reversed.pdf", both));

    assertThat(Poppler.signatureValidations(report))
        .as(report)
        .containsExactly("Signature is Valid.", "Signature is Valid.");
  }

  @Test
  void textHasTheLinesAndTheAuditCertificateNamesTheSigners() {
    Path file = write("signed.pdf", signBoth(unsigned));
    int pages = Poppler.pages(file);

    String text = Poppler.text(file);
    String auditPage = Poppler.text(file, pages, pages);

    assertThat(text).contains(Agreements.JAPANESE_LINES);
    assertThat(auditPage)
        .contains("署名監査証明書")
        .contains(AGENCY_SIGNER, SUBCONTRACTOR_SIGNER, SUBCONTRACTOR_ORGANISATION)
        .contains("2026-11-27T01:15:00Z", "2026年11月27日 10:15:00", "Asia/Tokyo")
        .contains("203.0.113.7", "198.51.100.23");
  }

  @Test
  void inspectorSeesTwoIntactPortalSignaturesCoveringTheFile() {
    Inspection inspection = inspector.inspect(signBoth(unsigned), ca.certificate());

    assertThat(inspection.isPortalDocument()).isTrue();
    assertThat(inspection.allIntact()).isTrue();
    assertThat(inspection.appendedAfterLastSignature()).isFalse();
    assertThat(inspection.isAlteredPortalDocument()).isFalse();
    assertThat(inspection.contentHash()).isEqualTo(Agreements.japanese().hash());
    assertThat(inspection.signatures())
        .extracting(
            Inspection.Signature::fieldName,
            Inspection.Signature::signerName,
            Inspection.Signature::organisation,
            Inspection.Signature::signedAt,
            Inspection.Signature::issuedByPortal)
        .containsExactly(
            tuple(
                AgreementPdf.AGENCY_FIELD,
                AGENCY_SIGNER,
                Agreements.AGENCY,
                AGENCY_SIGNED_AT,
                true),
            tuple(
                AgreementPdf.SUBCONTRACTOR_FIELD,
                SUBCONTRACTOR_SIGNER,
                SUBCONTRACTOR_ORGANISATION,
                SUBCONTRACTOR_SIGNED_AT,
                true));
    assertThat(inspection.signatures())
        .extracting(Inspection.Signature::coversWholeDocument)
        .containsExactly(false, true);
  }

  @Test
  void aFlippedByteInAContentStreamIsADigestMismatch() {
    byte[] signed = signBoth(unsigned);
    byte[] tampered = signed.clone();
    tampered[firstStreamStart(tampered) + 100] ^= 0x01;

    String report = Poppler.pdfsig(write("tampered.pdf", tampered));
    Inspection inspection = inspector.inspect(tampered, ca.certificate());

    assertThat(Poppler.signatureValidations(report))
        .as(report)
        .containsExactly("Digest Mismatch.", "Digest Mismatch.");
    assertThat(inspection.isPdf()).isTrue();
    assertThat(inspection.allIntact()).isFalse();
    assertThat(inspection.signatures()).noneMatch(Inspection.Signature::intact);
    assertThat(inspection.isAlteredPortalDocument()).isTrue();
  }

  @Test
  void bytesAppendedAfterSigningAreReported() {
    byte[] signed = signBoth(unsigned);
    byte[] appended = Arrays.copyOf(signed, signed.length + 16);
    System.arraycopy(
        "\n% appended \n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 13);

    Inspection inspection = inspector.inspect(appended, ca.certificate());

    assertThat(inspection.allIntact()).isTrue();
    assertThat(inspection.appendedAfterLastSignature()).isTrue();
    assertThat(inspection.isAlteredPortalDocument()).isTrue();
  }

  /** pdfsig calls such a file valid: only the coverage check shows the later change. */
  @Test
  void anIncrementalUpdateAfterSigningIsReported() throws Exception {
    byte[] signed = signBoth(unsigned);
    PdfReader reader = new PdfReader(signed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
    stamper.getWriter().getInfo().put(PdfName.SUBJECT, new PdfString("changed after signing"));
    stamper.close();

    Inspection inspection = inspector.inspect(out.toByteArray(), ca.certificate());

    assertThat(inspection.allIntact()).isTrue();
    assertThat(inspection.appendedAfterLastSignature()).isTrue();
    assertThat(inspection.isAlteredPortalDocument()).isTrue();
  }

  @Test
  void refusesAFieldThatIsMissingOrAlreadySigned() {
    byte[] once = signAgency(unsigned);

    assertThatThrownBy(() -> signAgency(once))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AgreementPdf.AGENCY_FIELD);
    assertThatThrownBy(
            () ->
                signer.sign(
                    unsigned, "witness", agency, AGENCY_SIGNER, null, AGENCY_SIGNED_AT, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] signBoth(byte[] pdf) {
    return signSubcontractor(signAgency(pdf));
  }

  private static byte[] signSubcontractor(byte[] pdf) {
    return signer.sign(
        pdf,
        AgreementPdf.SUBCONTRACTOR_FIELD,
        subcontractor,
        SUBCONTRACTOR_SIGNER,
        SUBCONTRACTOR_ORGANISATION,
        SUBCONTRACTOR_SIGNED_AT,
        "同意します");
  }

  private static byte[] signAgency(byte[] pdf) {
    return signer.sign(
        pdf,
        AgreementPdf.AGENCY_FIELD,
        agency,
        AGENCY_SIGNER,
        Agreements.AGENCY,
        AGENCY_SIGNED_AT,
        "同意します");
  }

  /** Where the data of the file's first stream begins: OpenPDF writes page 1's content first. */
  private static int firstStreamStart(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int keyword = text.indexOf(">>stream\n");
    assertThat(keyword).as("a stream in the PDF").isPositive();
    return keyword + ">>stream\n".length();
  }

  private Path write(String name, byte[] bytes) {
    return Poppler.write(directory, name, bytes);
  }
}
