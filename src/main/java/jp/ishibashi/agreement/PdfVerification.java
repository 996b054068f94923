package jp.ishibashi.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One use of the public verify page or API: when, from where, what was uploaded (size and
 * SHA-256, never the file) and the verdict. Anyone may verify, so this log belongs to no tenant;
 * rows are only inserted.
 */
@Entity
@Table(name = "pdf_verification")
public class PdfVerification {

  @Id
  @SequenceGenerator(
      name = "pdf_verification_seq",
      sequenceName = "pdf_verification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pdf_verification_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(length = 64)
  private String ip;

  @Column(name = "user_agent", length = 500)
  private String userAgent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Verdict.Outcome outcome;

  @Column(name = "byte_count", nullable = false)
  private long byteCount;

  @Column(length = 64)
  private String sha256;

  @Column(name = "agreement_id")
  private Long agreementId;

  protected PdfVerification() {}

  PdfVerification(
      Instant at,
      String ip,
      String userAgent,
      Verdict.Outcome outcome,
      long byteCount,
      String sha256,
      Long agreementId) {
    this.at = at;
    this.ip = ip;
    this.userAgent = userAgent;
    this.outcome = outcome;
    this.byteCount = byteCount;
    this.sha256 = sha256;
    this.agreementId = agreementId;
  }

  public Verdict.Outcome getOutcome() {
    return outcome;
  }

  public long getByteCount() {
    return byteCount;
  }

  public String getSha256() {
    return sha256;
  }
}
