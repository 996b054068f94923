package jp.ishibashi.agreement.pdf;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PdfInspector} found in a file someone presents as an agreement PDF.
 *
 * @param isPdf whether the file starts with {@code %PDF-} and parses
 * @param hasMarkerBytes whether the bytes contain the key {@value AgreementPdf#INFO_CONTENT_HASH},
 *     parsed or not: a damaged portal document still has it
 * @param orderNumber the work order number in the document information; null when absent
 * @param version the agreement version in the document information; null when absent
 * @param contentHash the content hash in the document information; null when absent
 * @param signatures the signatures, in the order they were made
 */
public record Inspection(
    boolean isPdf,
    boolean hasMarkerBytes,
    String orderNumber,
    String version,
    String contentHash,
    List<Signature> signatures) {

  public Inspection {
    signatures = List.copyOf(signatures);
  }

  /**
   * One signature in the document.
   *
   * @param fieldName the signature field it fills
   * @param signerName the CN of the signer's certificate; null if unreadable
   * @param organisation the O of the signer's certificate; null if absent or unreadable
   * @param signedAt the signing time the signature states; null if unreadable
   * @param intact whether the signed bytes still match the signature's digest and the signature
   *     verifies with the certificate's key
   * @param issuedByPortal whether the signer's certificate was issued by the trusted CA
   * @param coversWholeDocument whether the signature covers the file up to its last byte, so
   *     nothing was added after it
   */
  public record Signature(
      String fieldName,
      String signerName,
      String organisation,
      Instant signedAt,
      boolean intact,
      boolean issuedByPortal,
      boolean coversWholeDocument) {}

  /** A file that is not a PDF, and shows no sign of having been one of the portal's. */
  static Inspection notPdf(boolean hasMarkerBytes) {
    return new Inspection(false, hasMarkerBytes, null, null, null, List.of());
  }

  /**
   * Whether this came from the portal: it carries the portal's document information, or the bytes
   * of it, or a signature made with a certificate the portal issued.
   */
  public boolean isPortalDocument() {
    return hasMarkerBytes
        || orderNumber != null
        || contentHash != null
        || signatures.stream().anyMatch(Signature::issuedByPortal);
  }

  /** Whether it parses and every signature in it is intact (true when it has none). */
  public boolean allIntact() {
    return isPdf && signatures.stream().allMatch(Signature::intact);
  }

  /**
   * Whether something was added after the last signature: an incremental update or stray bytes.
   * False when there is no signature.
   */
  public boolean appendedAfterLastSignature() {
    return !signatures.isEmpty() && !signatures.get(signatures.size() - 1).coversWholeDocument();
  }

  /**
   * Whether a portal document was changed after the portal made or signed it: it no longer parses,
   * a signature is broken, or bytes follow the last signature.
   */
  public boolean isAlteredPortalDocument() {
    return isPortalDocument() && (!isPdf || !allIntact() || appendedAfterLastSignature());
  }
}
