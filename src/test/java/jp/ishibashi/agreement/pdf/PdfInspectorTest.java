package jp.ishibashi.agreement.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jp.ishibashi.agreement.AgreementContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the inspector says of files that are not, or no longer, intact agreement PDFs. */
class PdfInspectorTest {

  private static final PdfInspector inspector = new PdfInspector();
  private static CertificateAuthority ca;
  private static AgreementContent content;
  private static byte[] unsigned;

  @BeforeAll
  static void renderAgreement() {
    ca = TestCa.portal();
    content = Agreements.japanese();
    unsigned = new AgreementPdf().render(content, content.hash(), List.of(), ZoneId.of("UTC"));
  }

  @Test
  void aTextFileIsNoPdfAndNoPortalDocument() {
    byte[] text = "契約書のメモ: WO-2026-0042\n".getBytes(StandardCharsets.UTF_8);

    Inspection inspection = inspector.inspect(text, ca.certificate());

    assertThat(inspection.isPdf()).isFalse();
    assertThat(inspection.isPortalDocument()).isFalse();
    assertThat(inspection.allIntact()).isFalse();
    assertThat(inspection.signatures()).isEmpty();
  }

  @Test
  void nothingAtAllIsNoPdf() {
    assertThat(inspector.inspect(null, ca.certificate()).isPdf()).isFalse();
    assertThat(inspector.inspect(new byte[0], ca.certificate()).isPdf()).isFalse();
    assertThat(inspector.inspect("%PDF-".getBytes(StandardCharsets.US_ASCII), null).isPdf())
        .isFalse();
  }

  @Test
  void anUnsignedAgreementIsAPortalDocumentWithItsMarkers() {
    Inspection inspection = inspector.inspect(unsigned, ca.certificate());

    assertThat(inspection.isPdf()).isTrue();
    assertThat(inspection.isPortalDocument()).isTrue();
    assertThat(inspection.orderNumber()).isEqualTo(content.orderNumber());
    assertThat(inspection.version()).isEqualTo("1");
    assertThat(inspection.contentHash()).isEqualTo(content.hash());
    assertThat(inspection.signatures()).isEmpty();
    assertThat(inspection.appendedAfterLastSignature()).isFalse();
    assertThat(inspection.isAlteredPortalDocument()).isFalse();
  }

  @Test
  void aPortalDocumentThatNoLongerParsesCountsAsAltered() {
    byte[] broken = unsigned.clone();
    broken[1] = 'X'; // "%XDF-": no longer a PDF header

    Inspection inspection = inspector.inspect(broken, ca.certificate());

    assertThat(inspection.isPdf()).isFalse();
    assertThat(inspection.hasMarkerBytes()).isTrue();
    assertThat(inspection.isPortalDocument()).isTrue();
    assertThat(inspection.isAlteredPortalDocument()).isTrue();
  }

  @Test
  void garbageAfterAPdfHeaderIsReportedNotThrown() {
    byte[] garbage =
        "%PDF-1.7\n1 0 obj << /IshibashiContentHash (x) /Kids [[[[[[ \n%%EOF"
            .getBytes(StandardCharsets.US_ASCII);

    Inspection inspection = inspector.inspect(garbage, ca.certificate());

    assertThat(inspection.isPdf()).isFalse();
    assertThat(inspection.isAlteredPortalDocument()).isTrue();
  }

  @Test
  void aSignatureFromAnotherCaIsIntactButNotThePortals() {
    CertificateAuthority stranger = TestCa.stranger();
    SignerCredential credential = stranger.issue("鈴木 一郎", "別の会社");
    byte[] signed =
        new PdfSigner()
            .sign(
                unsigned,
                AgreementPdf.AGENCY_FIELD,
                credential,
                "鈴木 一郎",
                "別の会社",
                Instant.parse("2026-11-27T00:00:00Z"),
                null);

    Inspection inspection = inspector.inspect(signed, ca.certificate());

    assertThat(inspection.allIntact()).isTrue();
    assertThat(inspection.signatures())
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.signerName()).isEqualTo("鈴木 一郎");
              assertThat(signature.issuedByPortal()).isFalse();
            });
  }
}
