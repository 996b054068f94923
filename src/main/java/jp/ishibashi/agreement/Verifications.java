package jp.ishibashi.agreement;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.agreement.pdf.InflationGuard;
import jp.ishibashi.agreement.pdf.Inspection;
import jp.ishibashi.agreement.pdf.PdfInspector;
import jp.ishibashi.platform.NativeValues;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RequestOrigin;
import jp.ishibashi.tenant.Tenancy;
import org.eclipse.persistence.config.QueryHints;

/**
 * The public check of an agreement PDF, for anyone holding one. A file is genuine when its bytes
 * are exactly those of a signed agreement the portal stored and its signatures are intact. A file
 * that carries the portal's marks or signatures but is not stored is an altered agreement; the
 * embedded signatures then say how (a broken signature, or content appended after signing). Every
 * check is logged in {@link PdfVerification}, without the file.
 *
 * <p>The checks are bounded: at most {@link #MAX_BYTES} are read, a file whose streams would
 * inflate beyond {@link InflationGuard#DEFAULT_BUDGET} is refused before it is parsed, and one
 * address may verify only so often ({@link VerificationLimit}), which also bounds the log.
 *
 * <p>This is one of the portal's few cross-tenant reads: whoever holds a signed PDF may learn which
 * agreement it is and who signed it, found by the SHA-256 of the exact bytes. It uses native SQL,
 * which EclipseLink allows only with an explicit hint on each query once entities are
 * multitenant.
 */
@Stateless
public class Verifications {

  /** The largest file accepted: 20 MB. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private RequestOrigin origin;
  @Inject private AgreementSealer sealer;
  @Inject private VerificationLimit limit;

  private final PdfInspector inspector = new PdfInspector();

  /**
   * Counts a verification from the current request's address; empty when it may go ahead,
   * otherwise how long until it may try again (at least a second). Call it before reading the
   * upload.
   */
  public Optional<Duration> refusedFor() {
    Instant now = clock.now();
    return limit
        .refuse(origin.ip(), now)
        .map(at -> Duration.ofSeconds(Math.max(1, Duration.between(now, at).toSeconds() + 1)));
  }

  /** Logs a refusal of a body that declared more than {@link #MAX_BYTES}, unread. */
  public Verdict tooLarge(long declaredBytes) {
    return logged(Verdict.of(Verdict.Outcome.TOO_LARGE), declaredBytes, null, null);
  }

  /**
   * Reads at most {@link #MAX_BYTES} + 1 bytes of the upload and verifies them; a longer upload is
   * TOO_LARGE without being read further.
   */
  public Verdict verify(InputStream upload) {
    byte[] bytes;
    try {
      bytes = upload.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalStateException("The upload could not be read", e);
    }
    if (bytes.length > MAX_BYTES) {
      return logged(Verdict.of(Verdict.Outcome.TOO_LARGE), bytes.length, null, null);
    }
    return verify(bytes);
  }

  /** The verdict on a file already in memory, logged. */
  public Verdict verify(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return logged(Verdict.of(Verdict.Outcome.TOO_LARGE), bytes.length, null, null);
    }
    String sha256 = AgreementContent.sha256(bytes);
    if (!InflationGuard.withinBudget(bytes, InflationGuard.DEFAULT_BUDGET)) {
      return logged(Verdict.of(Verdict.Outcome.TOO_COMPLEX), bytes.length, sha256, null);
    }
    Inspection inspection = inspector.inspect(bytes, sealer.certificate());
    if (!startsLikePdf(bytes) && !inspection.hasMarkerBytes()) {
      return logged(Verdict.of(Verdict.Outcome.NOT_PDF), bytes.length, sha256, null);
    }
    EntityManager em = tenancy.global();
    List<?> stored =
        em.createNativeQuery(
                "select a.id, o.order_number, a.version_no from agreement_document d"
                    + " join agreement a on a.id = d.agreement_id"
                    + " join work_order o on o.id = a.work_order_id"
                    + " where d.sha256 = ?1")
            .setParameter(1, sha256)
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .getResultList();
    if (!stored.isEmpty() && inspection.isPdf() && inspection.allIntact()) {
      Object[] row = (Object[]) stored.get(0);
      long agreementId = ((Number) row[0]).longValue();
      Verdict genuine =
          new Verdict(
              Verdict.Outcome.GENUINE,
              null,
              (String) row[1],
              ((Number) row[2]).intValue(),
              signers(em, agreementId));
      return logged(genuine, bytes.length, sha256, agreementId);
    }
    if (inspection.isPortalDocument()) {
      Integer version = parseVersion(inspection.version());
      Verdict altered =
          new Verdict(
              Verdict.Outcome.ALTERED,
              reason(inspection),
              inspection.orderNumber(),
              version,
              List.of());
      return logged(altered, bytes.length, sha256, null);
    }
    return logged(Verdict.of(Verdict.Outcome.NOT_OURS), bytes.length, sha256, null);
  }

  private static String reason(Inspection inspection) {
    if (!inspection.isPdf()) {
      return "verify.reason.damaged";
    }
    if (!inspection.allIntact()) {
      return "verify.reason.signatureBroken";
    }
    if (inspection.appendedAfterLastSignature()) {
      return "verify.reason.appended";
    }
    return "verify.reason.unknown";
  }

  private static List<Verdict.Signed> signers(EntityManager em, long agreementId) {
    List<?> rows =
        em.createNativeQuery(
                "select party, signer_name, organisation, signed_at from agreement_signature"
                    + " where agreement_id = ?1 and voided_at is null order by signed_at")
            .setParameter(1, agreementId)
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new Verdict.Signed(
                    (String) r[0], (String) r[1], (String) r[2], NativeValues.instant(r[3])))
        .toList();
  }

  private static Integer parseVersion(String version) {
    try {
      return version == null ? null : Integer.valueOf(version);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean startsLikePdf(byte[] bytes) {
    byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= magic.length
        && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }

  private Verdict logged(Verdict verdict, long size, String sha256, Long agreementId) {
    tenancy
        .global()
        .persist(
            new PdfVerification(
                clock.now(),
                origin.ip(),
                origin.userAgent(),
                verdict.outcome(),
                size,
                sha256,
                agreementId));
    return verdict;
  }
}
