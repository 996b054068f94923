package jp.ishibashi.agreement;

import java.time.Instant;
import java.util.List;

/**
 * The answer of the verify page about one uploaded file.
 *
 * @param reason for ALTERED, what gave it away: a message key ({@code verify.reason.*})
 * @param orderNumber the agreement's order: the stored one when genuine, the one the file claims
 *     when altered; null otherwise
 * @param signers the parties' signatures, in signing order, when genuine
 */
public record Verdict(
    Outcome outcome, String reason, String orderNumber, Integer version, List<Signed> signers) {

  public enum Outcome {
    /** Byte for byte a signed agreement the portal stored, with intact signatures. */
    GENUINE,
    /** A portal agreement that was changed after signing, or damaged. */
    ALTERED,
    /** A PDF, but not one the portal made. */
    NOT_OURS,
    /** Not a PDF at all. */
    NOT_PDF,
    /** Larger than the verify page accepts. */
    TOO_LARGE,
    /** Expands to more than the verification inflates (a compression bomb): refused unparsed. */
    TOO_COMPLEX
  }

  /** One party's signature on a genuine agreement. */
  public record Signed(String party, String name, String organisation, Instant at) {}

  public Verdict {
    signers = signers == null ? List.of() : List.copyOf(signers);
  }

  static Verdict of(Outcome outcome) {
    return new Verdict(outcome, null, null, null, List.of());
  }
}
