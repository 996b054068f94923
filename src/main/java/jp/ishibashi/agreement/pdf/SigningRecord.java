package jp.ishibashi.agreement.pdf;

import java.time.Instant;
import java.util.Objects;

/**
 * What the portal recorded when one party signed an agreement version: who, for which organisation,
 * when, from where, and the hashes of what they saw and consented to. The audit certificate page of
 * the agreement PDF lists one of these per party.
 *
 * @param party {@link #AGENCY} or {@link #SUBCONTRACTOR}
 * @param signerName the person who signed
 * @param organisation the organisation they signed for
 * @param signedAt when they signed
 * @param ip the client's IP address
 * @param userAgent the client's user agent
 * @param contentHash the content hash of the agreement version they signed
 * @param consentHash the hash of the consent text they accepted
 */
public record SigningRecord(
    String party,
    String signerName,
    String organisation,
    Instant signedAt,
    String ip,
    String userAgent,
    String contentHash,
    String consentHash) {

  /** The agency's party code: it commissions the work (委託者). */
  public static final String AGENCY = "AGENCY";

  /** The subcontractor's party code: it does the work (受託者). */
  public static final String SUBCONTRACTOR = "SUBCONTRACTOR";

  public SigningRecord {
    if (!AGENCY.equals(party) && !SUBCONTRACTOR.equals(party)) {
      throw new IllegalArgumentException("party must be AGENCY or SUBCONTRACTOR: " + party);
    }
    Objects.requireNonNull(signerName, "signerName");
    Objects.requireNonNull(signedAt, "signedAt");
  }
}
