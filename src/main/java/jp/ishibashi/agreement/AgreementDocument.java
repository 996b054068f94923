package jp.ishibashi.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * The signed PDF of one agreement version, exactly as it was signed. It is stored in the
 * database, so every portal node serves the same bytes and a backup of the database holds the
 * documents; it is never rendered again.
 */
@Entity
@Table(name = "agreement_document")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class AgreementDocument {

  @Id
  @SequenceGenerator(
      name = "agreement_document_seq",
      sequenceName = "agreement_document_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_document_seq")
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private long agreementId;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "byte_count", nullable = false)
  private int byteCount;

  @Column(nullable = false)
  private byte[] pdf;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AgreementDocument() {}

  AgreementDocument(long agreementId, byte[] pdf, Instant createdAt) {
    this.agreementId = agreementId;
    this.pdf = pdf.clone();
    this.byteCount = pdf.length;
    this.sha256 = AgreementContent.sha256(pdf);
    this.createdAt = createdAt;
  }

  public long getAgreementId() {
    return agreementId;
  }

  public String getSha256() {
    return sha256;
  }

  public int getByteCount() {
    return byteCount;
  }

  /** A copy of the signed bytes. */
  public byte[] pdf() {
    return pdf.clone();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
