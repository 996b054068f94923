package jp.ishibashi.agreement.rest;

import java.time.Instant;
import java.util.List;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementSignature;

/**
 * One agreement version over JSON: its state, content hash and signatures, the canonical content
 * that was hashed (so a client can recompute the hash), and where its signed PDF is.
 */
public record AgreementJson(
    long id,
    long workOrderId,
    int version,
    String state,
    String contentHash,
    String previousHash,
    Instant frozenAt,
    Instant signedAt,
    Instant voidedAt,
    List<SignatureJson> signatures,
    String pdf,
    String canonicalContent) {

  public record SignatureJson(
      String party,
      String signerName,
      String organisation,
      Instant signedAt,
      String contentHash,
      String consentHash,
      Instant voidedAt) {

    static SignatureJson of(AgreementSignature s) {
      return new SignatureJson(
          s.getParty().name(),
          s.getSignerName(),
          s.getOrganisation(),
          s.getSignedAt(),
          s.getContentHash(),
          s.getConsentHash(),
          s.getVoidedAt());
    }
  }

  static AgreementJson of(Agreement a, String apiBase) {
    return new AgreementJson(
        a.getId(),
        a.getWorkOrderId(),
        a.getVersionNumber(),
        a.getState().name(),
        a.getContentHash(),
        a.getPreviousHash(),
        a.getFrozenAt(),
        a.getSignedAt(),
        a.getVoidedAt(),
        a.getSignatures().stream().map(SignatureJson::of).toList(),
        a.getState() == Agreement.State.SIGNED
            ? apiBase + "work-orders/" + a.getWorkOrderId() + "/agreements/" + a.getVersionNumber() + "/pdf"
            : null,
        a.getCanonicalContent());
  }
}
